import Foundation
import HeraldCore
import Testing

@testable import HeraldCheck

/// `duplicate-link` in two halves: each file's featured links are placed and keyed when the file
/// is checked, and the archive's index is filed from those and from the issues not checked. The
/// findings must not depend on which files were checked together.
@Suite("duplicate links across the archive")
struct ArchiveDuplicateTests {
    static let earliest = """
        Title: This Week in Quill 10
        Number: 10
        Date: 2026-02-18
        Category: This Week in Quill

        ## Updates from Rust Community

        ### Observations/Thoughts

        * [Pens](https://example.org/pens)
        * [Ink](https://www.example.org/ink/)

        """

    static let draftBody = """
        ## Updates from Rust Community

        ### Observations/Thoughts

        * [Ink again](http://example.org//ink?utm_source=feed)
        * [Featured before](https://example.org/featured-before)
        * [Nibs](https://example.org/nibs)

        ### Rust Walkthroughs

        * [Nibs twice](https://example.org/nibs/)

        """

    func fixture() throws -> CheckFixture {
        try CheckFixture(
            draftBody: Self.draftBody,
            issues: ["2026-02-18-issue-10.md": Self.earliest, "2026-02-25-issue-11.md": CheckFixture.earlierIssue])
    }

    /// Every file of the fixture: the two issues and the draft.
    func allPaths(_ fixture: CheckFixture) -> [String] {
        ["content/2026-02-18-issue-10.md", "content/2026-02-25-issue-11.md"].map { fixture.root.path + "/" + $0 }
            + [fixture.draftPath]
    }

    @Test("a file's duplicates are the same checked alone or with the whole archive")
    func sameAloneOrTogether() throws {
        let fixture = try fixture()
        let linter = try fixture.linter()
        let together = linter.check(paths: allPaths(fixture)).findings(of: .duplicateLink)
        for path in allPaths(fixture) {
            let alone = linter.check(paths: [path]).findings(of: .duplicateLink)
            #expect(alone == together.filter { $0.problem.file == path }, "\(path)")
        }
        #expect(
            together.filter { $0.problem.file == fixture.draftPath }.map(\.problem.message) == [
                "link already featured in issue 10 (2026-02-18), line 11",
                "link already featured in issue 11 (2026-02-25), line 10",
                "link already in this issue, line 12",
            ])
    }

    @Test("a checked file's own text is what the index holds for it, not the file on disk")
    func checkedTextIsIndexed() throws {
        let fixture = try fixture()
        let issue11 = fixture.root.path + "/content/2026-02-25-issue-11.md"
        let rewritten = CheckFixture.earlierIssue.replacingOccurrences(of: "featured-before", with: "other")
        let draft = try fixture.draftText()
        let report = try fixture.linter().check([
            Linter.Source(path: issue11, text: rewritten), Linter.Source(path: fixture.draftPath, text: draft),
        ])
        let messages = report.findings(of: .duplicateLink).map(\.problem.message)
        #expect(!messages.contains { $0.contains("issue 11") })
        #expect(messages.contains("link already featured in issue 10 (2026-02-18), line 11"))
    }

    @Test("a file outside the archive is newer than all of it, the draft included")
    func fileOutsideTheArchive() throws {
        let fixture = try fixture()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID()).md")
        try Data((CheckFixture.header + Self.draftBody).utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let report = try fixture.linter().check(paths: [outside.path])
        #expect(
            report.findings(of: .duplicateLink).map(\.problem.message) == [
                "link already featured in issue 10 (2026-02-18), line 11",
                "link already featured in issue 11 (2026-02-25), line 10",
                "link already featured in issue 12 (2026-03-04), line 12",
                "link already in this issue, line 12",
            ])
    }
}
