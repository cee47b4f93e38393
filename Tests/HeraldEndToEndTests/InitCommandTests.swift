import Foundation
import HeraldTestSupport
import Testing

/// `herald init` as a new editor runs it: the folder it makes is a newsletter the other verbs
/// take as it is.
@Suite struct InitCommandTests {
    @Test func theNewFolderHoldsTheFirstDraftAndChecksAndBuilds() throws {
        let parent = try Newsletter()
        let initialise = try HeraldBinary.run(
            [
                "init", "quill", "--title", "Quill Weekly", "--base-url", "https://quill.example", "--weekday",
                "friday", "--date", "2025-09-05",
            ], in: parent.folder)
        #expect(initialise.status == 0, "\(initialise.standardError)")
        #expect(
            initialise.standardError
                == "created quill/herald.toml\ncreated quill/draft/DRAFT_TEMPLATE\n"
                + "created quill/draft/2025-09-05-quill-weekly-1.md\n")
        let configuration = try parent.read("quill/herald.toml")
        #expect(configuration.contains(#"title = "Quill Weekly""#))
        #expect(configuration.contains(#"base_url = "https://quill.example""#))
        #expect(configuration.contains(#"weekday = "friday""#))
        let draft = try parent.read("quill/draft/2025-09-05-quill-weekly-1.md")
        #expect(draft.hasPrefix("Title: Quill Weekly 1\nNumber: 1\nDate: 2025-09-05\n"))

        let check = try HeraldBinary.run(["check", "--folder", "quill"], in: parent.folder)
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("checked 1 file: no problems"))
        let build = try HeraldBinary.run(
            ["build", "--folder", "quill", "--out", "site", "--drafts"], in: parent.folder)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try parent.read("site/issues/1/index.html").contains("<title>Quill Weekly 1"))
    }

    @Test func aFolderWithFilesIsLeftAlone() throws {
        let parent = try Newsletter(files: ["quill/notes.txt": "keep me"])
        let initialise = try HeraldBinary.run(["init", "quill"], in: parent.folder)
        #expect(initialise.status == 1, "\(initialise.standardError)")
        #expect(parent.contents(of: "quill") == ["notes.txt"])
        #expect(try parent.read("quill/notes.txt") == "keep me")
    }
}
