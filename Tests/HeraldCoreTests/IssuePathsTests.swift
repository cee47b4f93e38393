import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// A folder given to a verb stands for the issue files under it, as the folder's own walk finds
/// them: sorted, hidden entries left out, links followed to files but not to folders.
@Suite struct IssuePathsTests {
    @Test func aFolderStandsForItsIssueFiles() throws {
        try TemporaryFolder.with("issue-paths") { folder in
            let manager = FileManager.default
            for sub in ["content/2024", "content/.hidden", "elsewhere"] {
                try manager.createDirectory(
                    at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            for file in [
                "content/b.md", "content/a.markdown", "content/2024/c.md", "content/notes.txt", "content/logo.png",
                "content/.draft.md",
                "content/.hidden/d.md", "elsewhere/e.md",
            ] {
                try Data("x\n".utf8).write(to: folder.appendingPathComponent(file))
            }
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("content/linked.md").path,
                withDestinationPath: folder.appendingPathComponent("elsewhere/e.md").path)
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("content/linked-folder.md").path,
                withDestinationPath: folder.appendingPathComponent("elsewhere").path)
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("content/broken.md").path,
                withDestinationPath: folder.appendingPathComponent("nowhere.md").path)
            let content = folder.appendingPathComponent("content").path
            let markdown = ["2024/c.md", "a.markdown", "b.md", "linked.md"].map { content + "/" + $0 }
            // A format Herald does not read is named, for the verb to say so; a picture is not.
            let documents = (markdown + [content + "/notes.txt"]).sorted()
            #expect(IssuePaths.expanding(content) == documents)
            #expect(IssuePaths.expanding(content + "//") == documents)
            #expect(IssuePaths.expanding(content) { $0 == .markdown } == markdown)
            let file = content + "/notes.txt"
            #expect(IssuePaths.expanding(file) == [file])
            #expect(IssuePaths.expanding(content + "/missing.md") == [content + "/missing.md"])
        }
    }
}
