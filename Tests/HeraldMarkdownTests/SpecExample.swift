import Foundation
import HeraldTestSupport

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

/// How to read the shared test vectors, which ``SharedFolder/specVectors`` locates.
///
/// The vectors are not part of the package: they sit in `shared/spec` next to the package root (or
/// wherever `HERALD_SHARED` points), so a checkout without them skips the conformance tests, except
/// in CI (`CI` set), where a missing directory is a failure.
enum SpecVectors {
    static var isAvailable: Bool { SharedFolder.specVectors != nil }

    /// Whether a missing spec directory must fail the run rather than skip it.
    static var isRequired: Bool { SharedFolder.isCI }

    /// Why the conformance tests are skipped, shown by the test runner.
    static let skipNote =
        "Markdown test vectors not found in $HERALD_SHARED/spec or in shared/spec beside the package; "
        + "set HERALD_SHARED to the shared directory to run them."

    /// Reads one vector file (for example `commonmark-0.31.2.json`).
    static func load(_ fileName: String) throws -> [SpecExample] {
        guard let url = SharedFolder.specVectors?.appendingPathComponent(fileName),
            FileManager.default.fileExists(atPath: url.path)
        else {
            throw MissingVectors(path: "spec/" + fileName)
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
