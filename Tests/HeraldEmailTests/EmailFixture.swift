import Foundation
import HeraldCore
import HeraldMarkdown

/// Where the tests' newsletters are: the example weekly in the package, the TWiR corpus beside it.
enum EmailFixture {
    /// The package's root: three levels up from this file (`Tests/HeraldEmailTests/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let quill = packageRoot.appendingPathComponent("Examples/this-week-in-quill")

    /// Every link and image address written in `issue`'s Markdown; empty ones (`[text]()`)
    /// lead nowhere and are left out.
    static func destinations(in issue: IssueFile) -> [String] {
        MarkdownDocument(parsing: String(issue.body), options: .gfm).root.descendants
            .compactMap { $0.kind == .link || $0.kind == .image ? $0.destination : nil }
            .filter { !$0.isEmpty }
    }

    /// The `href` and `src` values of `html`.
    static func attributeValues(in html: String) -> [String] {
        var values: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                values.append(String(after[..<end]))
                rest = after[end...]
            }
        }
        return values
    }
}
