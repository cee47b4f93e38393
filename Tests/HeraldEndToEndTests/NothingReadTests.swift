import Foundation
import HeraldTestSupport
import Testing

/// Issue 19: a folder whose issues Herald does not find is a failure that says where Herald
/// looked, never an empty site or a clean check.
@Suite("Nothing read, end to end")
struct NothingReadTests {
    /// The hardening weekly with its issues moved where `[paths]` does not point, and one MDX file
    /// left in the content folder.
    private static func misplacedWeekly() throws -> HardeningWeekly {
        let weekly = try HardeningWeekly()
        let files = FileManager.default
        try files.moveItem(
            at: weekly.root.appendingPathComponent("content"), to: weekly.root.appendingPathComponent("posts"))
        try files.removeItem(at: weekly.root.appendingPathComponent(HardeningWeekly.draftPath))
        try weekly.write("content/2025-04-09-welcome.mdx", "---\ntitle: Welcome\n---\n\n<Hello />\n")
        return weekly
    }

    @Test(
        "herald build and herald check exit 2, naming the folders, the key and the skipped file once",
        arguments: [
            ["build"], ["check"],
        ])
    func nothingRead(_ arguments: [String]) throws {
        let weekly = try Self.misplacedWeekly()
        let run = try HeraldBinary.run(arguments, in: weekly.root)
        #expect(run.status == 2, "\(run.standardError)")
        let lines = run.standardError.split(separator: "\n")
        #expect(
            lines == [
                "content/2025-04-09-welcome.mdx: warning: skipped: MDX (Markdown with JSX) is read only where a [content] pattern or include glob names it; add a [content] pattern or include glob that names it (include = [\"*.mdx\"]) to read it as Markdown, its import/export lines and components left out, or convert it to Markdown (.md)",
                "herald.toml: no issue was read: Herald looked for Markdown files (.md, .markdown) in 'content/' and 'draft/' and found 1 file but read none as an issue (see the problems above); set [paths] content in herald.toml to the folder that holds the issues, and [content] patterns to the shape of their file names",
            ])
        #expect(!FileManager.default.fileExists(atPath: weekly.root.appendingPathComponent("_site").path))
    }

    @Test("herald check reports a skipped file once beside the issues it read")
    func skippedBesideIssues() throws {
        let weekly = try HardeningWeekly()
        try weekly.write("content/2025-01-01-notes.rst", "Notes\n=====\n")
        let run = try HeraldBinary.run(["check"], in: weekly.root)
        #expect(run.status == 0, "\(run.standardError)")
        let mentions = run.standardError.components(separatedBy: "content/2025-01-01-notes.rst").count - 1
        #expect(mentions == 1)
        #expect(run.standardError.contains("skipped: reStructuredText is not a format Herald reads"))
    }
}
