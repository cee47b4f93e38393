import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldGather

/// `gather --into-draft` against an editor saving the draft while the sources are fetched.
@Suite struct DraftUpdateSaveTests {
    @Test("a save made after the draft was read is kept, and the gathered section goes into it")
    func saveDuringGathering() throws {
        let original = try Fixture.text("draft.md")
        let folder = try Newsletter(files: ["draft.md": original])
        let url = folder.url("draft.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let file = try IssueFile(contentsOf: url, path: "draft.md")
        let saved = original + "\nA closing line the editor added.\n"
        try Data(saved.utf8).write(to: url)

        let merged = GatheredSection(
            kind: .projectUpdates,
            blocks: [.lines(["448 pull requests were [merged in the last week](https://github.com/search?q=x)"])])
        let result = DraftUpdate(editor: DraftSectionEditor()).write([merged], into: file, at: url)
        #expect(result.written == [.projectUpdates])
        #expect(result.failures.isEmpty)
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written.contains("448 pull requests"))
        #expect(written.hasSuffix("A closing line the editor added.\n"))
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
