import Foundation

/// What the last build wrote: each output path with the key of the inputs it was made from.
///
/// Saved inside the output folder, so it is swapped in together with the files it describes
/// and can never claim a file that a failed build did not write.
struct BuildManifest: Codable, Sendable {
    static let fileName = ".herald-manifest.json"

    /// Bumped whenever Herald's output changes for the same inputs, to rebuild everything once.
    static let currentFormat = 1

    var format: Int = BuildManifest.currentFormat
    /// Output path → input key in hexadecimal.
    var files: [String: String] = [:]

    /// The manifest in `folder`, or `nil` when there is none or it is from another format.
    static func read(in folder: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
            let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
            manifest.format == currentFormat
        else { return nil }
        return manifest
    }

    func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
