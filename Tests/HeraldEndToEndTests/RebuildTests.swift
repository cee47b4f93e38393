import Foundation
import HeraldTestSupport
import Testing

/// `herald build` run twice: the second, with nothing changed, answers from the record the
/// first left in the site, and an edit afterwards is built.
@Suite struct RebuildTests {
    @Test func aRebuildWithNothingChangedSaysWhatTheFirstSaidAndAnEditIsBuilt() throws {
        let files = try Newsletter.exampleWeekly(files: ["content/notes.rst": "Notes\n=====\n"])
        let build = ["build", "--folder", "newsletter", "--out", "site"]
        // Files changed within the last three seconds are not vouched for (their times may not
        // move on a second edit that quick), so the first build would record nothing.
        Thread.sleep(forTimeInterval: 3.5)
        let first = try HeraldBinary.run(build, in: files.temporaryFolder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(FileManager.default.fileExists(atPath: files.beside("site/.herald-build.json").path))
        let second = try HeraldBinary.run(build, in: files.temporaryFolder)
        #expect(second.status == 0)
        let firstLines = first.standardError.split(separator: "\n")
        let secondLines = second.standardError.split(separator: "\n")
        #expect(secondLines.dropLast() == firstLines.dropLast(), "the same warnings")
        #expect(second.standardError.contains("notes.rst: warning: skipped"))
        let summary = try #require(firstLines.last)
        let made = try #require(summary.firstMatch(of: /: (\d+) files written, 0 unchanged/)).1
        #expect(secondLines.last == "built 4 issues into site: 0 files written, \(made) unchanged")

        let issue = "content/2025-03-26-this-week-in-quill.md"
        try files.write(try files.read(issue) + "\nOne more line.\n", to: issue)
        let third = try HeraldBinary.run(build, in: files.temporaryFolder)
        #expect(third.status == 0)
        #expect(!third.standardError.contains(" 0 files written,"))
        let page = try String(contentsOf: files.beside("site/issues/44/index.html"), encoding: .utf8)
        #expect(page.contains("One more line."))
    }
}
