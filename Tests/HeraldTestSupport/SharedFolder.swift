public import Foundation

/// The shared test data beside the package (`../shared`, or `$HERALD_SHARED`): the real This
/// Week in Rust archive and the Markdown test vectors, which are not part of the repository.
///
/// Without it a test that needs it is skipped with a note; in CI (`CI` set) its absence is a
/// failure, so a misconfigured runner never passes by skipping.
public enum SharedFolder {
    /// The folder, when it exists.
    public static let url: URL? = {
        let environment = ProcessInfo.processInfo.environment["HERALD_SHARED"].flatMap { $0.isEmpty ? nil : $0 }
        let folder =
            environment.map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    /// Whether the tests run in CI, where missing shared data is an error.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// The This Week in Rust checkout (`corpus/twir`, with its `content/`), when it is there: the
    /// one place tests look for it.
    public static let twirCorpus: URL? = {
        guard let folder = url?.appendingPathComponent("corpus/twir"),
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path)
        else { return nil }
        return folder
    }()

    /// The Markdown test vectors (`spec`: the CommonMark and GFM examples as JSON), when they are
    /// there: the one place the conformance tests look for them.
    public static let specVectors: URL? = {
        guard let folder = url?.appendingPathComponent("spec"), FileManager.default.fileExists(atPath: folder.path)
        else { return nil }
        return folder
    }()

    /// This Week in Quill, the example newsletter with a section of every kind (the other
    /// examples in `Examples/` show other file layouts).
    public static let exampleWeekly: URL? = {
        let folder = packageRoot.appendingPathComponent("Examples/this-week-in-quill")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    /// A published This Week in Rust issue, `corpus/twir/content/NAME`, when the corpus is there.
    public static func twirIssue(_ name: String) -> URL? {
        guard let url = url?.appendingPathComponent("corpus/twir/content/\(name)"),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }

    /// The package's root folder, two levels above this file.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
