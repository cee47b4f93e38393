import Foundation
import HeraldCheck
import HeraldCore

/// A newsletter folder made for one test: a few published issues, one draft, an optional
/// `herald.toml`; removed when the test ends.
struct CheckFixture {
    let root: URL
    let draftPath: String

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
        root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-check-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("draft"), withIntermediateDirectories: true)
        for (name, text) in issues {
            try Data(text.utf8).write(to: root.appendingPathComponent("content/\(name)"))
        }
        if let configuration {
            try Data(configuration.utf8).write(to: root.appendingPathComponent("herald.toml"))
        }
        draftPath = root.appendingPathComponent("draft/2026-03-04-issue-12.md").path
        try Data((CheckFixture.header + draftBody).utf8).write(to: URL(fileURLWithPath: draftPath))
    }

    /// Writes raw bytes as the draft.
    func writeDraft(bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: draftPath))
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

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Checks a draft with `body` and returns the report.
    static func check(
        _ body: String, configuration: String? = nil, options: CheckOptions = CheckOptions()
    ) throws -> CheckReport {
        let fixture = try CheckFixture(draftBody: body, configuration: configuration)
        defer { fixture.remove() }
        return try fixture.check(options: options)
    }
}

extension CheckReport {
    /// The rule ids reported, in order.
    var rules: [String] { findings.map(\.rule.rawValue) }

    func findings(of rule: ProblemCode) -> [Finding] { findings.filter { $0.rule == rule } }
}
