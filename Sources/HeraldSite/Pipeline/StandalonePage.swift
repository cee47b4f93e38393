import Foundation
import HeraldCore
import HeraldMarkdown

/// A page that is not an issue (an about page, a privacy policy), from the pages folder,
/// published at `pages/{slug}.html` as Pelican does.
///
/// Pages need no date, so they are read with this small header reader rather than as issues:
/// `Key: value` lines up to the first blank line; `Title` is required, `Slug` is optional.
struct StandalonePage: Sendable {
    let path: String
    let title: String
    let slug: String
    let markdown: String
    /// The file line the Markdown starts on.
    let bodyStartLine: Int
    let sourceHash: StableHash

    var outputPath: String { "pages/\(slug).html" }

    init(path: String, text: String) throws(HeraldError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        var fields: [String: String] = [:]
        var headerLines = 0
        for line in lines {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty,
                let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" ")
            else { break }
            let key = line[..<colon].lowercased()
            fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headerLines += 1
        }
        guard let title = fields["title"], !title.isEmpty else {
            throw HeraldError(
                Problem(
                    .missingTitle, file: path, location: .init(line: 1, column: 1), message: "the page has no title",
                    fix: "add a line 'Title: …' at the top of the file"))
        }
        lines.removeFirst(headerLines)
        self.path = path
        self.title = title
        self.slug = fields["slug"].flatMap { $0.isEmpty ? nil : $0 } ?? Slug(title).rawValue
        self.markdown = lines.joined(separator: "\n")
        self.bodyStartLine = headerLines + 1
        self.sourceHash = StableHash(text)
    }

    /// Reads every Markdown file directly in `folder`, in name order; a missing folder has no pages.
    static func load(from folder: URL, displayPath: (String) -> String) throws(HeraldError) -> [StandalonePage] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var pages: [StandalonePage] = []
        var problems: [Problem] = []
        for name in names.sorted() where name.hasSuffix(".md") || name.hasSuffix(".markdown") {
            let display = displayPath(name)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let text = String(data: data, encoding: .utf8)
            else {
                problems.append(Problem(.unreadable, file: display, message: "cannot read the page as UTF-8 text"))
                continue
            }
            do {
                pages.append(try StandalonePage(path: display, text: text))
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw HeraldError(problems) }
        return pages
    }
}
