import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// Configured and metadata values become output paths in one place, which refuses any that
/// would leave their folder (issue 14, items 1 and 10).
@Suite struct ContainedPathTests {
    @Test(arguments: [
        "../x", "a/../../x", "/../etc/passwd", "..", "a/b\\..\\c", "a\u{0}b", "x\ry", "a\u{85}b", "", "/", "./.",
    ])
    func pathsThatLeaveTheirFolderAreRefused(path: String) {
        #expect(throws: ContainedPath.Escape.self) { try ContainedPath(path) }
    }

    @Test func pathsInsideAreNormalised() throws {
        #expect(try ContainedPath("/blog//2024/./x/index.html").rawValue == "blog/2024/x/index.html")
        #expect(try ContainedPath(urlPath: "/blog/x/").rawValue == "blog/x/index.html")
        #expect(try ContainedPath(urlPath: "issues/4.html").rawValue == "issues/4.html")
        #expect(try ContainedPath(fileName: "533.eml").rawValue == "533.eml")
        #expect(throws: ContainedPath.Escape.self) { try ContainedPath(fileName: "a/533.eml") }
        #expect(throws: ContainedPath.Escape.self) { try ContainedPath(fileName: "./533.eml") }
    }

    /// A plain path is taken as it is and any other is normalised: both ways give one answer.
    @Test(arguments: [
        ("a/b.html", "a/b.html"), ("a/.../b", "a/.../b"), ("a/./b", "a/b"), ("a/b/", "a/b"), ("a//b", "a/b"),
        ("/a", "a"), ("..a/b..", "..a/b.."), (".well-known/x", ".well-known/x"), ("é/x", "é/x"),
    ])
    func plainAndNormalisedPathsAgree(path: String, expected: String) throws {
        #expect(try ContainedPath(path).rawValue == expected)
    }

    @Test func issueFormatsAreReadFromTheLastExtension() {
        #expect(IssueFileFormat(fileName: "2024-02-07-this-week-in-rust.markdown") == .markdown)
        #expect(IssueFileFormat(fileName: "notes.v2.MD") == .markdown)
        #expect(IssueFileFormat(fileName: "page.mdx") == .mdx)
        #expect(IssueFileFormat(fileName: "old.rst") == .unsupported("reStructuredText"))
        #expect(IssueFileFormat(fileName: ".md") == .notAnIssue)
        #expect(IssueFileFormat(fileName: "README") == .notAnIssue)
        #expect(IssueFileFormat(fileName: "a.md..") == .markdown)
        #expect(IssueFileFormat(fileName: "...") == .notAnIssue)
        #expect(IssueFileFormat(fileName: "photo.png") == .notAnIssue)
    }

    @Test func aFolderWalkReportsKindsAndLeavesHiddenEntriesOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try manager.createDirectory(
            at: folder.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        for path in ["a.md", "b/c/d.md", ".hidden.md", "b/.swap", ".git/objects/x"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(path))
        }
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
        let entries = FolderEntry.all(under: folder).sorted { $0.path < $1.path }
        #expect(
            entries == [
                FolderEntry(path: "a.md", kind: .regularFile), FolderEntry(path: "b", kind: .folder),
                FolderEntry(path: "b/c", kind: .folder), FolderEntry(path: "b/c/d.md", kind: .regularFile),
                FolderEntry(path: "link.md", kind: .symbolicLink),
            ])
        #expect(manager.regularFiles(under: folder) == ["a.md", "b/c/d.md"])
        #expect(FolderEntry.all(under: folder.appendingPathComponent("missing")).isEmpty)
    }

    @Test func aSlugThatClimbsOutIsRefusedAtItsLine() throws {
        let file = try IssueFile(
            path: "content/x.md", text: "Title: Special\nDate: 2025-01-08\nSlug: ../../../../tmp/x\n\nBody.\n")
        let pattern = NewsletterConfiguration.Site.twirArticleURL
        let error = #expect(throws: HeraldError.self) { try file.outputPath(under: pattern) }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .unsafePath)
        #expect(problem.file == "content/x.md")
        #expect(problem.location?.line == 3)
        #expect(problem.message.contains("../../../../tmp/x"))
        #expect(throws: HeraldError.self) { try file.fileName(withExtension: "eml") }
        let numbered = try IssueFile(
            path: "content/y.md", text: "Title: Weekly 7\nDate: 2025-01-08\nSlug: ../x\n\nBody.\n")
        #expect(try numbered.fileName(withExtension: "eml").rawValue == "7.eml")
    }

    @Test func aConfigurationThatIsAFolderIsNamedWithItsPath() throws {
        let folder = try Newsletter()
        try FileManager.default.createDirectory(
            at: folder.folder.appendingPathComponent("herald.toml"), withIntermediateDirectories: true)
        let error = #expect(throws: HeraldError.self) { try NewsletterConfiguration.load(fromFolder: folder.folder) }
        let problem = try #require(error?.problems.first)
        #expect(problem.file?.hasSuffix("/herald.toml") == true)
        #expect(problem.message.contains("is a folder"))
        #expect(!problem.message.contains("NSCocoaErrorDomain"))
    }

    @Test func anIssueThatIsASymbolicLinkIsFollowedInsideAndReportedOutside() throws {
        let issue = "Title: Weekly 1\nNumber: 1\nDate: 2025-01-08\n\nBody.\n"
        let folder = try Newsletter(files: ["content/2025-01-08-weekly-1.md": issue, "elsewhere/weekly-2.md": issue])
        let outside = try Newsletter(files: ["secret.md": issue.replacingOccurrences(of: "1", with: "3")])
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: folder.folder.appendingPathComponent("content/linked.md").path,
            withDestinationPath: folder.folder.appendingPathComponent("elsewhere/weekly-2.md").path)
        try manager.createSymbolicLink(
            atPath: folder.folder.appendingPathComponent("content/stolen.md").path,
            withDestinationPath: outside.folder.appendingPathComponent("secret.md").path)
        try manager.createSymbolicLink(
            atPath: folder.folder.appendingPathComponent("content/dangling.md").path,
            withDestinationPath: "/nonexistent/x.md")
        let newsletter = try NewsletterFolder(at: folder.folder)
        let names = Set(newsletter.issues.map { ($0.path as NSString).lastPathComponent })
        #expect(names == ["2025-01-08-weekly-1.md", "linked.md"])
        let skipped = newsletter.problems.filter { $0.message.hasPrefix("skipped") }
        let skippedNames = skipped.compactMap(\.file).map { ($0 as NSString).lastPathComponent }
        #expect(skippedNames.sorted() == ["dangling.md", "stolen.md"])
        let stolen = skipped.first { $0.file?.hasSuffix("stolen.md") == true }
        #expect(stolen?.message.contains("outside the newsletter") == true)
    }
}
