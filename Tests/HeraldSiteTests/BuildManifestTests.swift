import Foundation
import Testing

@testable import HeraldSite

@Suite("the build manifest")
struct BuildManifestTests {
    /// What `BuildManifest.read` gives for `text`, beside what `JSONDecoder` gives.
    private func read(_ text: String) throws -> (read: BuildManifest?, decoded: BuildManifest?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent(BuildManifest.fileName))
        return (BuildManifest.read(in: folder), try? JSONDecoder().decode(BuildManifest.self, from: Data(text.utf8)))
    }

    @Test("what Herald writes reads back, paths with any character included")
    func roundTrip() throws {
        var manifest = BuildManifest()
        manifest.files = [
            "index.html": "00ff", "blog/2024/a b/index.html": "1", "café/🦀.html": "2", "quote\"d.html": "3",
            "back\\slash.html": "4", "tab\there.html": "5", "": "6",
        ]
        let (read, _) = try self.read(String(decoding: manifest.data(), as: UTF8.self))
        #expect(read?.files == manifest.files)
        #expect(read?.format == BuildManifest.currentFormat)
    }

    @Test(
        "any other text reads as JSONDecoder reads it",
        arguments: [
            #"{"files":{"a.html":"1","b.html":"2"},"format":1}"#,
            "{\n  \"format\" : 7,\n  \"files\" : {\n\n  }\n}\n",
            #"{"files": {"a.html": "1"}, "format": 1, "other": true}"#,
            #"{"files": {"a.html": "1"}, "format": 1.0}"#,
            #"{"files": {"a.html": "1"}, "format": -1}"#,
            #"{"files": {"a.html": "1"}, "format": 12345678901234}"#,
            #"{"files": {"a.html": 1}, "format": 1}"#,
            #"{"files": {"a.html": "1"}}"#,
            #"{"files": {"a.html": "1",}, "format": 1}"#,
            #"{"files": {"a\u00e9.html": "1"}, "format": 1}"#,
            #"{"files": {"a.html": "1"}, "format": 1} trailing"#,
            #"{"files": {"a.html": "1""#,
            "", "[]", "null", "{}",
        ])
    func otherText(text: String) throws {
        let (read, decoded) = try read(text)
        #expect(read?.files == decoded?.files)
        #expect(read?.format == decoded?.format)
    }
}
