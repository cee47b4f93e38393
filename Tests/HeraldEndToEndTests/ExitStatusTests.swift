import Foundation
import HeraldTestSupport
import Testing

/// Every verb that works on a newsletter keeps the README's promise about exit statuses: a
/// folder that is not a newsletter, or a `herald.toml` Herald cannot read, is unusable input
/// (2) with the problem named, never a failure (1) or a run against defaults (0).
@Suite struct ExitStatusTests {
    static let verbs: [[String]] = [
        ["build"], ["check"], ["new"], ["email"], ["export"], ["export", "issue.md"], ["gather", "events"],
        ["submit", "https://example.com/a"], ["publish", "--dry-run"], ["submissions", "--from-git", "HEAD~1..HEAD"],
        ["serve", "--port", "0"], ["list", "stats"], ["list", "export"], ["list", "serve", "--port", "0"],
        ["send", "1"],
    ]

    @Test(arguments: verbs)
    func aMissingFolderIsUnusableInput(verb: [String]) throws {
        let empty = try Newsletter()
        let run = try HeraldBinary.run(verb + ["--folder", "no-such-weekly"], in: empty.folder)
        #expect(run.status == 2, "\(verb): \(run.standardError)")
        #expect(run.standardError.contains("no-such-weekly: there is no newsletter folder here"), "\(verb)")
        #expect(!run.standardError.contains("Error:"), "\(verb): \(run.standardError)")
    }

    @Test(arguments: [
        ["new", "--date"], ["publish", "--dry-run", "--date"], ["gather", "events", "--date"],
        ["gather", "github", "--date"], ["gather", "forum", "--since"], ["init", "weekly", "--date"],
    ])
    func aDateThatIsNoDayIsAUsageError(verb: [String]) throws {
        let empty = try Newsletter()
        let run = try HeraldBinary.run(verb + ["2025-02-30"], in: empty.folder)
        #expect(run.status == 2, "\(verb): \(run.standardError)")
        #expect(run.standardError.contains("The value '2025-02-30' is invalid for '\(verb.last!) <YYYY-MM-DD>'"))
    }

    /// An output Herald cannot write is a problem naming it, not ArgumentParser's bare `Error:`.
    /// A folder given to check that holds no issue is said, not passed as "no problems".
    @Test func checkingAFolderWithNoIssueWarns() throws {
        let weekly = try Newsletter(files: ["content/1.md": "Title: Weekly 1\nDate: 2025-01-01\n\nHello.\n"])
        try weekly.makeFolder("notes")
        let run = try HeraldBinary.run(["check", "notes"], in: weekly.folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "notes: warning: no Markdown file in this folder, so nothing in it was checked"), "\(run.standardError)"
        )
        let strict = try HeraldBinary.run(["check", "--strict", "notes"], in: weekly.folder)
        #expect(strict.status == 1, "\(strict.standardError)")
    }

    @Test func anExportThatCannotBeWrittenIsUnusableAndNamed() throws {
        let empty = try Newsletter()
        let example = Newsletter.example("this-week-in-quill").path
        let run = try HeraldBinary.run(
            ["export", "--folder", example, "--out", "no-such-folder/issues.json"], in: empty.folder)
        #expect(run.status == 2, "\(run.standardError)")
        #expect(
            run.standardError.hasPrefix("no-such-folder/issues.json: cannot write the file"), "\(run.standardError)")
        #expect(!empty.exists("no-such-folder"))
    }

    @Test(arguments: verbs)
    func anUnreadableConfigurationIsUnusableInputAtItsLine(verb: [String]) throws {
        let weekly = try Newsletter(files: ["herald.toml": "[site]\ntitle = \"A weekly\"\nbase_url = 42\n"])
        try weekly.makeFolder("content")
        let run = try HeraldBinary.run(verb + ["--folder", "newsletter"], in: weekly.temporaryFolder)
        #expect(run.status == 2, "\(verb): \(run.standardError)")
        #expect(run.standardError.contains("herald.toml:3:"), "\(verb): \(run.standardError)")
    }
}
