import Foundation
import HeraldTestSupport
import Testing

/// `herald submissions` on a git history the way a contributor's pull request leaves it: the
/// entry a commit added is listed with its author and what `herald check` says about it.
@Suite struct SubmissionsCommandTests {
    static let draftPath = "draft/2025-04-02-this-week-in-quill.md"

    /// Runs git in `newsletter` as `name`, and requires it to succeed.
    static func git(_ arguments: [String], in newsletter: Newsletter, as name: String = "Quill") throws {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.org"
        let identity = [
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
        ]
        let run = try TestProcess.run(program: "git", arguments, in: newsletter.folder, environment: identity)
        try #require(run.status == 0, "git \(arguments): \(run.standardError)")
    }

    @Test func anAddedEntryIsListedWithItsAuthorAndItsProblems() throws {
        let weekly = try Newsletter.exampleWeekly()
        try #require(try weekly.herald(["new", "--date", "2025-04-02"]).status == 0)
        try Self.git(["init", "-q", "-b", "main"], in: weekly)
        try Self.git(["add", "-A"], in: weekly)
        try Self.git(["commit", "-q", "-m", "Issue 45's draft"], in: weekly)
        let draft = try weekly.read(Self.draftPath)
        let entry = "* [A new ink for Quill](https://ink.example/new?utm_source=x)"
        try weekly.write(
            draft.replacingOccurrences(of: "### Official\n", with: "### Official\n\(entry)\n"), to: Self.draftPath)
        try Self.git(["commit", "-q", "-a", "-m", "Add the new ink"], in: weekly, as: "Ann Editor")
        let lines = try weekly.read(Self.draftPath).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == entry }) + 1

        let run = try weekly.herald(["submissions", "--from-git", "HEAD~1", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.standardOutputData) as? [String: Any])
        #expect(report["commits"] as? Int == 1)
        let entries = try #require(report["entries"] as? [[String: Any]])
        try #require(entries.count == 1, "\(run.standardOutput)")
        #expect(entries[0]["author"] as? String == "Ann Editor")
        #expect(entries[0]["email"] as? String == "ann.editor@example.org")
        #expect(entries[0]["summary"] as? String == "Add the new ink")
        #expect(entries[0]["file"] as? String == Self.draftPath)
        #expect(entries[0]["line"] as? Int == line)
        #expect(entries[0]["title"] as? String == "A new ink for Quill")
        #expect(entries[0]["url"] as? String == "https://ink.example/new?utm_source=x")
        let problems = try #require(entries[0]["problems"] as? [[String: Any]])
        #expect(problems.map { $0["code"] as? String } == ["tracking-parameter"])

        let text = try weekly.herald(["submissions", "--from-git", "HEAD~1"])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(
            text.standardOutput.hasPrefix("1 link added to the drafts in HEAD~1 (1 commit, "), "\(text.standardOutput)")
        #expect(text.standardOutput.contains("  by Ann Editor <ann.editor@example.org>, "))
    }

    @Test func anUnknownRevisionIsUnusableInput() throws {
        let weekly = try Newsletter.exampleWeekly()
        try Self.git(["init", "-q", "-b", "main"], in: weekly)
        try Self.git(["add", "-A"], in: weekly)
        try Self.git(["commit", "-q", "-m", "The newsletter"], in: weekly)
        let run = try weekly.herald(["submissions", "--from-git", "no-such-revision"])
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains("no-such-revision"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }
}
