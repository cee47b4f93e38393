import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@Suite("The draft editor: snapshot, compare under the lock, atomic write")
struct DraftEditorTests {
    static let draft = "Title: T 2\nNumber: 2\nDate: 2025-04-02\n\n## Links\n* [A](https://a.example)\n"

    @Test("a write keeps the byte-order mark and the file's permissions")
    func keepsMarkAndPermissions() throws {
        let folder = try Newsletter()
        let url = folder.folder.appendingPathComponent("draft.md")
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.draft.utf8)).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let snapshot = try DraftSnapshot.read(at: url, displayPath: "draft.md")
        #expect(snapshot.text == Self.draft)

        try DraftEditor.replace(snapshot, with: snapshot.text + "* [B](https://b.example)\n")
        let written = try Data(contentsOf: url)
        #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: written.dropFirst(3), as: UTF8.self).hasSuffix("* [B](https://b.example)\n"))
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(folder.contents(of: ".") == ["draft.md"], "no temporary file is left behind")
    }

    @Test("a change between the snapshot and the write is detected and the file is left as changed")
    func detectsAConcurrentChange() throws {
        let folder = try Newsletter(files: ["draft.md": Self.draft])
        let url = folder.folder.appendingPathComponent("draft.md")
        let snapshot = try DraftSnapshot.read(at: url, displayPath: "draft.md")
        let saved = Self.draft + "* [Editor's save](https://save.example)\n"
        try folder.write(saved, to: "draft.md")

        let error = #expect(throws: HeraldError.self) {
            try DraftEditor.replace(snapshot, with: snapshot.text + "* [Herald](https://herald.example)\n")
        }
        #expect(error?.isDraftChanged == true)
        #expect(error?.problems.first?.file == "draft.md")
        #expect(try folder.read("draft.md") == saved)
    }

    @Test("many writers editing one file at once each land their line")
    func concurrentWritersAllLand() async throws {
        let folder = try Newsletter(files: ["draft.md": Self.draft])
        let url = folder.folder.appendingPathComponent("draft.md")
        let writers = 12
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try DraftEditorTests.append("* [\(writer)](https://\(writer).example)\n", to: url)
                }
            }
            try await group.waitForAll()
        }
        let text = try folder.read("draft.md")
        for writer in 0..<writers {
            #expect(text.contains("* [\(writer)](https://\(writer).example)\n"), "writer \(writer)'s line is missing")
        }
    }

    /// Appends `line` as a command does: snapshot, edit, write, and again when the file changed.
    static func append(_ line: String, to url: URL) throws(HeraldError) {
        for attempt in 1...100 {
            let snapshot = try DraftSnapshot.read(at: url, displayPath: "draft.md")
            do throws(HeraldError) {
                try DraftEditor.replace(snapshot, with: snapshot.text + line)
                return
            } catch  where error.isDraftChanged && attempt < 100 {
                continue
            }
        }
    }

    @Test("retiring a draft: a save that arrives while the replacement is written is kept, the replacement undone")
    func retireKeepsALateSave() throws {
        let folder = try Newsletter(files: ["draft/d.md": Self.draft])
        let url = folder.folder.appendingPathComponent("draft/d.md")
        let snapshot = try DraftSnapshot.read(at: url, displayPath: "draft/d.md")
        let published = folder.folder.appendingPathComponent("content/d.md")
        let late = Self.draft + "* [Late](https://late.example)\n"
        var undone = false
        let error = #expect(throws: HeraldError.self) {
            try DraftEditor.retire(
                snapshot,
                replacingWith: { (_) throws(HeraldError) in
                    try DraftEditor.create(at: published, text: snapshot.text, displayPath: "content/d.md")
                    // The editor saves while Herald publishes: the file at the draft's place is new.
                    try? Data(late.utf8).write(to: url)
                },
                undo: { _ in
                    undone = true
                    try? FileManager.default.removeItem(at: published)
                })
        }
        #expect(error?.isDraftChanged == true)
        #expect(undone)
        #expect(try folder.read("draft/d.md") == late)
        #expect(folder.contents(of: "draft") == ["d.md"])
    }

    @Test("retiring an unchanged draft removes it once the replacement is written")
    func retireRemovesTheDraft() throws {
        let folder = try Newsletter(files: ["draft/d.md": Self.draft])
        let url = folder.folder.appendingPathComponent("draft/d.md")
        let snapshot = try DraftSnapshot.read(at: url, displayPath: "draft/d.md")
        try DraftEditor.retire(
            snapshot,
            replacingWith: { (_) throws(HeraldError) in
                try DraftEditor.create(
                    at: folder.folder.appendingPathComponent("content/d.md"), text: snapshot.text,
                    displayPath: "content/d.md")
            }, undo: { _ in })
        #expect(folder.contents(of: "draft").isEmpty)
        #expect(try folder.read("content/d.md") == Self.draft)
    }

    @Test("byte and line edits leave every other byte as it was")
    func edits() {
        let (bytes, applied) = TextEdit.apply(
            [TextEdit(range: 2..<3, replacement: "XY"), TextEdit(range: 2..<4, replacement: "overlap")],
            to: Array("abcdef".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "abXYdef")
        #expect(applied.count == 1)
        var edit = LineEdit()
        edit.insert(["new"], after: 1)
        edit.remove(3...3)
        #expect(edit.applied(to: "one\r\ntwo\r\nthree\r\n").text == "one\r\nnew\r\ntwo\r\n")
    }
}
