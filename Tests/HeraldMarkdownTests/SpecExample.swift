import Foundation

/// One example of a Markdown test-vector file in `../shared/spec`: input Markdown and the exact HTML
/// the reference renderer produces for it.
struct SpecExample: Decodable, Sendable {
    let example: Int
    let section: String
    let startLine: Int
    /// The `cmark-gfm` names of the extensions the example needs; empty for plain CommonMark.
    let extensions: [String]
    let markdown: String
    let html: String

    /// Whether the expected HTML is `<IGNORE>` (followed by a line ending): the example only has to
    /// render without crashing.
    var isRenderOnly: Bool { html.hasPrefix("<IGNORE>") }

    private enum CodingKeys: String, CodingKey {
        case example, section
        case startLine = "start_line"
        case extensions, markdown, html
    }
}

/// Where the shared test vectors live, and how to read them.
///
/// The vectors are not part of the package: they sit in `shared/spec` next to the package root (or
/// wherever `HERALD_SHARED` points), so a checkout without them skips the conformance tests, except
/// in CI (`CI` set), where a missing directory is a failure.
enum SpecVectors {
    /// The `shared` directory: `$HERALD_SHARED` if set, else `<package root>/../shared`, the package
    /// root being three levels above this file (`<root>/Tests/HeraldMarkdownTests/SpecExample.swift`).
    static func sharedDirectory(filePath: String = #filePath) -> URL {
        if let override = ProcessInfo.processInfo.environment["HERALD_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let packageRoot = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }

    static var specDirectory: URL { sharedDirectory().appendingPathComponent("spec", isDirectory: true) }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: specDirectory.path)
    }

    /// Whether a missing spec directory must fail the run rather than skip it.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Why the conformance tests are skipped, shown by the test runner.
    static var skipNote: String {
        "Markdown test vectors not found at \(specDirectory.path); "
            + "set HERALD_SHARED to the shared directory to run them."
    }

    /// Reads one vector file (for example `commonmark-0.31.2.json`).
    static func load(_ fileName: String) throws -> [SpecExample] {
        let url = specDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingVectors(path: url.path)
        }
        return try JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: url))
    }

    struct MissingVectors: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "Markdown test vectors missing: \(path). The shared spec directory must be present in CI; "
                + "set HERALD_SHARED to the directory that holds spec/."
        }
    }
}
