import Foundation
import HeraldCore

/// What the last build wrote: each output path with the key of the inputs it was made from.
///
/// Saved inside the output folder, so it is moved in last, after the files it describes, and can
/// never claim a file that a failed build did not write. It is also Herald's proof of ownership:
/// a build deletes only files a readable manifest names, so a manifest that is empty, corrupt,
/// foreign or of a format Herald cannot read deletes nothing (a `CNAME`, a gh-pages `.git/`
/// survive) and only makes every page again.
struct BuildManifest: Codable, Sendable {
    static let fileName = ".herald-manifest.json"

    /// Bumped whenever Herald's output changes for the same inputs, to rebuild everything once.
    static let currentFormat = 1

    var format: Int = BuildManifest.currentFormat
    /// Output path → input key in hexadecimal.
    var files: [String: String] = [:]

    /// The manifest in `folder` in any format whose file list Herald can read, or `nil` when
    /// there is none or it cannot be read.
    static func read(in folder: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return nil
        }
        return try? JSONDecoder().decode(BuildManifest.self, from: data)
    }

    /// Whether the keys were made by this version's rules, so files they name can be carried over.
    var hasCurrentKeys: Bool { format == BuildManifest.currentFormat }

    /// The paths this manifest proves Herald wrote: those that stay inside the output folder.
    var ownedPaths: Set<ContainedPath> {
        Set(files.keys.compactMap { try? ContainedPath($0) })
    }

    func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
