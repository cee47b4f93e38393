import Foundation
import Testing

@testable import HeraldSite

/// A second build makes only what its inputs changed; the rest is carried over as it was.
@Suite struct IncrementalBuildTests {
    @Test func anUnchangedNewsletterRewritesNothing() throws {
        let site = try SiteFixture()
        let first = try site.build(drafts: true)
        #expect(first.reused == 0)
        let before = try site.snapshot()
        let second = try site.build(drafts: true)
        #expect(second.written.isEmpty)
        #expect(second.reused == first.written.count)
        #expect(try site.snapshot() == before)
    }

    @Test func editingADraftRewritesOnlyThePagesShowingIt() throws {
        let site = try SiteFixture()
        try site.build(drafts: true)
        let untouched = try site.inode(of: "issues/44/index.html")
        let draftBefore = try site.inode(of: "issues/46/index.html")
        try site.write(
            """
            Title: This Week in Quill 46
            Number: 46
            Date: 2025-04-09
            Category: This Week in Quill

            A draft in progress, now with a second paragraph.

            """, to: "draft/2025-04-09-this-week-in-quill.md")
        let report = try site.build(drafts: true)
        #expect(report.written == ["index.html", "issues/46/index.html", "latest/index.html"])
        #expect(try site.inode(of: "issues/44/index.html") == untouched)
        #expect(try site.inode(of: "issues/46/index.html") != draftBefore)
        #expect(try site.read("issues/46/index.html").contains("now with a second paragraph"))
    }

    @Test func renamingAnIssueRewritesTheListsThatShowIt() throws {
        let site = try SiteFixture()
        try site.build()
        let original = try String(
            contentsOf: site.newsletter.appendingPathComponent("content/2025-03-19-this-week-in-quill.md"),
            encoding: .utf8)
        try site.write(
            original.replacingOccurrences(
                of: "Title: This Week in Quill 43", with: "Title: This Week in Quill 43, renamed"),
            to: "content/2025-03-19-this-week-in-quill.md")
        let report = try site.build()
        #expect(
            Set(report.written).isSuperset(of: [
                "issues/43/index.html", "issues/42/index.html", "issues/44/index.html", "archive/index.html",
            ]))
        #expect(!report.written.contains("issues/41/index.html"))
        #expect(try site.read("archive/index.html").contains("This Week in Quill 43, renamed"))
    }

    @Test func pagesTheSiteNoLongerHasAreRemoved() throws {
        let site = try SiteFixture()
        try site.build(drafts: true)
        #expect(site.exists("issues/46/index.html"))
        try site.build()
        #expect(!site.exists("issues/46/index.html"))
        #expect(!site.exists("issues/46"), "the emptied folder goes too")
        #expect(site.exists("issues/45/index.html"))
        #expect(try LinkChecker(output: site.output).brokenLinks().isEmpty)
    }
}
