import Foundation
import HeraldCheck
import HeraldCore
import HeraldTestSupport

/// A newsletter folder made for one test: a few published issues, one draft, an optional
/// `herald.toml`; removed when the test drops it.
struct CheckFixture {
    let newsletter: Newsletter
    let draftPath: String

    /// The newsletter's folder.
    var root: URL { newsletter.folder }

    /// The header every test draft starts with: issue 12 of a weekly, dated 2026-03-04.
    static let header = """
        Title: This Week in Quill 12
        Number: 12
        Date: 2026-03-04
        Category: This Week in Quill


        """

    /// An earlier issue that featured `https://example.org/featured-before`.
    static let earlierIssue = """
        Title: This Week in Quill 11
        Number: 11
        Date: 2026-02-25
        Category: This Week in Quill

        ## Updates from Rust Community

        ### Observations/Thoughts

        * [Featured before](https://example.org/featured-before)

        """

    init(
        draftBody: String, configuration: String? = nil,
        issues: [String: String] = ["2026-02-25-issue-11.md": earlierIssue]
    )
        throws
    {
        var files = Dictionary(uniqueKeysWithValues: issues.map { ("content/" + $0.key, $0.value) })
        files["herald.toml"] = configuration
        files[Self.draft] = CheckFixture.header + draftBody
        newsletter = try Newsletter(files: files)
        try newsletter.makeFolder("content")
        draftPath = newsletter.url(Self.draft).path
    }

    /// Where the draft is, in the newsletter.
    static let draft = "draft/2026-03-04-issue-12.md"

    /// Writes raw bytes as the draft.
    func writeDraft(bytes: [UInt8]) throws {
        try newsletter.write(Data(bytes), to: Self.draft)
    }

    func linter() throws -> Linter {
        Linter(folder: try NewsletterFolder(at: root))
    }

    /// Checks the draft.
    func check(options: CheckOptions = CheckOptions()) throws -> CheckReport {
        try linter().check(paths: [draftPath], options: options)
    }

    /// The draft's text now.
    func draftText() throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: draftPath)), as: UTF8.self)
    }

    /// Checks a draft with `body` and returns the report.
    static func check(
        _ body: String, configuration: String? = nil, options: CheckOptions = CheckOptions()
    ) throws -> CheckReport {
        return try CheckFixture(draftBody: body, configuration: configuration).check(options: options)
    }
}

extension CheckReport {
    /// The rule ids reported, in order.
    var rules: [String] { findings.map(\.rule.rawValue) }

    func findings(of rule: ProblemCode) -> [Finding] { findings.filter { $0.rule == rule } }
}
