import Foundation
import HeraldCore
import Testing

@testable import HeraldSite

/// A build records what it was made from, and the next build with nothing changed gives the same
/// report without reading an issue; any change to what a build reads or writes means a build.
@Suite struct BuildStampTests {
    @Test func aRebuildWithNothingChangedGivesTheLastReport() throws {
        let site = try SiteFixture()
        try site.write("Notes\n=====\n", to: "content/notes.rst")
        let first = try site.build(drafts: true, inputs: site.inputs())
        #expect(!first.written.isEmpty)
        let before = try site.snapshot()
        let again = try #require(
            SiteBuilder.unchangedReport(inputs: site.inputs(), options: site.options(drafts: true)))
        #expect(again.written.isEmpty)
        #expect(again.reused == first.written.count)
        #expect(again.issueCount == first.issueCount)
        #expect(again.warnings == first.warnings)
        #expect(!again.warnings.isEmpty, "the skipped reStructuredText file is reported again")
        #expect(try site.snapshot() == before)
    }

    @Test func anIssueEditedToTheSameSizeIsBuiltAgain() throws {
        let site = try SiteFixture()
        try site.build(inputs: site.inputs())
        let path = "content/2025-04-02-this-week-in-quill.md"
        let text = try String(contentsOf: site.newsletter.appendingPathComponent(path), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "Welcome to issue 45", with: "Farewell, issue 45!")
        #expect(edited.utf8.count == text.utf8.count)
        try site.write(edited, to: path)
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil)
        let report = try site.build(inputs: site.inputs())
        #expect(report.written.contains("issues/45/index.html"))
        #expect(try site.read("issues/45/index.html").contains("Farewell, issue 45!"))
    }

    @Test func aNewFileInAnyFolderTheBuildReadsMeansABuild() throws {
        for path in ["content/2025-04-16-this-week-in-quill.md", "content/pages/team.md", "theme/extra.css"] {
            let site = try SiteFixture()
            try site.build(inputs: site.inputs())
            try site.write("Title: This Week in Quill 47\nNumber: 47\nDate: 2025-04-16\n\nNew.\n", to: path)
            #expect(
                SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil, "\(path)")
        }
    }

    @Test func otherOptionsMeanABuild() throws {
        let site = try SiteFixture()
        try site.build(inputs: site.inputs())
        let inputs = try site.inputs()
        #expect(SiteBuilder.unchangedReport(inputs: inputs, options: site.options()) != nil)
        for options in [site.options(drafts: true), site.options(relativeURLs: true), site.options(insights: false)] {
            #expect(SiteBuilder.unchangedReport(inputs: inputs, options: options) == nil)
        }
        var elsewhere = site.options()
        elsewhere.baseURL = "http://localhost:8000"
        #expect(SiteBuilder.unchangedReport(inputs: inputs, options: elsewhere) == nil)
    }

    @Test func aMissingOutputFileMeansABuildThatMakesItAgain() throws {
        let site = try SiteFixture()
        try site.build(inputs: site.inputs())
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("issues/44/index.html"))
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil)
        let report = try site.build(inputs: site.inputs())
        #expect(report.written == ["issues/44/index.html"])
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) != nil)
    }

    @Test func aBuildThatRecordsNothingRemovesTheLastRecord() throws {
        let site = try SiteFixture()
        try site.build(inputs: site.inputs())
        #expect(site.exists(BuildStamp.fileName))
        // The preview builds drafts into the same folder without a snapshot; a later build must
        // not take that site for the recorded one.
        try site.build(drafts: true)
        #expect(!site.exists(BuildStamp.fileName))
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil)
        try site.build(inputs: site.inputs())
        try site.build()
        #expect(!site.exists(BuildStamp.fileName), "a build that changed nothing removes it too")
    }

    @Test func filesWrittenJustBeforeTheWalkAreNotVouchedFor() throws {
        let site = try SiteFixture()
        let report = try site.build(inputs: site.inputs(settled: false))
        #expect(!report.written.isEmpty)
        #expect(!site.exists(BuildStamp.fileName))
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil)
    }

    @Test func aStampThatIsUnreadableOrOfAnotherBuildIsIgnored() throws {
        let site = try SiteFixture()
        try site.build(inputs: site.inputs())
        let stamp = site.output.appendingPathComponent(BuildStamp.fileName)
        var recorded = try JSONDecoder().decode(BuildStamp.self, from: Data(contentsOf: stamp))
        for text in ["", "{", "\u{0}\u{FF}", String(repeating: "[", count: 100_000)] {
            try Data(text.utf8).write(to: stamp)
            #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil)
        }
        recorded.key = "0000000000000000"
        try recorded.data().write(to: stamp)
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) == nil)
        recorded = try #require(BuildStamp.read(in: site.output))
        #expect(recorded.key == "0000000000000000")
        try site.build(inputs: site.inputs())
        #expect(SiteBuilder.unchangedReport(inputs: try site.inputs(), options: site.options()) != nil)
    }

    @Test func theSnapshotSeesEveryKindOfChange() throws {
        let site = try SiteFixture()
        let before = try site.inputs()
        #expect(try site.inputs() == before)
        let issue = site.newsletter.appendingPathComponent("content/2025-04-02-this-week-in-quill.md")
        let attributes = try FileManager.default.attributesOfItem(atPath: issue.path)
        try site.write(String(contentsOf: issue, encoding: .utf8), to: "content/2025-04-02-this-week-in-quill.md")
        // The same bytes, put back with the old modification time: only the change time moved.
        try FileManager.default.setAttributes(
            [.modificationDate: try #require(attributes[.modificationDate])], ofItemAtPath: issue.path)
        #expect(try site.inputs() != before)
        let renamed = try site.inputs()
        try FileManager.default.moveItem(
            at: site.newsletter.appendingPathComponent("draft/2025-04-09-this-week-in-quill.md"),
            to: site.newsletter.appendingPathComponent("draft/2025-04-09-renamed.md"))
        #expect(try site.inputs() != renamed)
        let configured = try site.inputs()
        try site.write("[site]\ntitle = \"Quill\"\n", to: "herald.toml")
        #expect(try site.inputs() != configured)
    }
}
