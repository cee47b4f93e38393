package import Foundation

/// A newsletter folder made for one test, in a fresh temporary folder, from a path → text map:
/// `try Newsletter(files: ["herald.toml": "…", "content/2024-01-05-issue-1.md": "…"])`, or a copy
/// of an example to change. Every target's fixtures build on it, so there is one way to lay a
/// newsletter out on disk and one place that cleans it up: the temporary folder goes when the
/// test drops the value.
///
/// The newsletter is a folder of its own inside the temporary folder, so a test has room beside
/// it (``beside(_:)``) for what must not be part of it: a build's output, a file no request may
/// reach.
package final class Newsletter: Sendable {
    /// The newsletter's folder: where `herald.toml`, `content/` and `draft/` are.
    package let folder: URL
    /// The temporary folder that holds ``folder`` and everything ``beside(_:)``; removed with it.
    package let temporaryFolder: URL

    /// A newsletter of `files`, each path relative to the newsletter's folder (which exists
    /// even when `files` is empty).
    package init(files: [String: String] = [:]) throws {
        temporaryFolder = Self.makeTemporaryFolder()
        folder = temporaryFolder.appendingPathComponent("newsletter")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write(files)
    }

    /// A copy of the newsletter at `source` (without a `_site` a local build left in it), with
    /// `files` written over it.
    package init(copying source: URL, files: [String: String] = [:]) throws {
        temporaryFolder = Self.makeTemporaryFolder()
        folder = temporaryFolder.appendingPathComponent("newsletter")
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: folder)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("_site"))
        try write(files)
    }

    /// A copy of This Week in Quill, the example weekly (``SharedFolder/exampleWeekly``), with
    /// `files` written over it.
    package static func exampleWeekly(files: [String: String] = [:]) throws -> Newsletter {
        try Newsletter(copying: example("this-week-in-quill"), files: files)
    }

    /// The folder of the example `name` in `Examples/`.
    package static func example(_ name: String) -> URL {
        SharedFolder.packageRoot.appendingPathComponent("Examples/" + name)
    }

    /// The file or folder at `path` inside the newsletter.
    package func url(_ path: String) -> URL {
        folder.appendingPathComponent(path)
    }

    /// A place outside the newsletter, next to its folder, removed with it.
    package func beside(_ name: String) -> URL {
        temporaryFolder.appendingPathComponent(name)
    }

    /// Writes `text` at `path`, making the folders on the way.
    package func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` at `path`, making the folders on the way.
    package func write(_ data: Data, to path: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Makes the folder at `path`, and the folders on the way, when they are not there yet.
    package func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(at: url(path), withIntermediateDirectories: true)
    }

    /// Copies the file or folder at `source` to `path`, making the folders on the way.
    package func copy(_ source: URL, to path: String) throws {
        try makeFolder((path as NSString).deletingLastPathComponent)
        try FileManager.default.copyItem(at: source, to: url(path))
    }

    /// Writes each of `files`, path → text.
    package func write(_ files: [String: String]) throws {
        for (path, text) in files {
            try write(text, to: path)
        }
    }

    /// The text at `path`.
    package func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// The text at `path`, or `nil` when there is no file there.
    package func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: url(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether anything is at `path`.
    package func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url(path).path)
    }

    /// The names in the folder at `path`, sorted; empty when there is no such folder.
    package func contents(of path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(path).path)) ?? []).sorted()
    }

    /// Removes the file or folder at `path`.
    package func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    /// The newsletter's `herald.toml`, or `nil` when it has none.
    package var configuration: String? { text("herald.toml") }

    private static func makeTemporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("herald-tests-\(UUID().uuidString)")
    }

    deinit {
        try? FileManager.default.removeItem(at: temporaryFolder)
    }
}
