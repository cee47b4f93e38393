import Foundation

/// The search index a previous build left in the output: its root and the content hash of each
/// of its data files.
///
/// With it, a build whose index would be the same plans the same files with the same keys
/// without making the index, and a build whose index changed rewrites only the files whose
/// content changed (an edit to the newest issue touches a few chunks and shards, not a thousand
/// files).
struct BuiltSearchIndex: Sendable {
    /// `search/files.txt`: one line per data file, `hash path`. The page never reads it.
    static let hashesPath = "search/files.txt"

    let root: SearchIndexRoot
    /// Data file path → hex hash of its uncompressed text.
    let hashes: [String: String]
    /// The folder it was read from, where the issues' parts are (read only if the index changed);
    /// `nil` for an index just made.
    var output: URL? = nil

    /// The index in `output`, or `nil` when a file of it is missing, unreadable or of another
    /// format, or does not list every data file.
    static func read(in output: URL) -> BuiltSearchIndex? {
        guard let root = SearchIndexRoot.read(in: output),
            let data = FileManager.default.contents(atPath: output.appendingPathComponent(hashesPath).path)
        else { return nil }
        // Lines split on bytes: by `Character`, 566 lines cost 17 M instructions at every rebuild.
        var hashes: [String: String] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            hashes[String(decoding: line[line.index(after: space)...], as: UTF8.self)] = String(
                decoding: line[..<space], as: UTF8.self)
        }
        guard root.dataPaths.allSatisfy({ hashes[$0] != nil }) else { return nil }
        return BuiltSearchIndex(root: root, hashes: hashes, output: output)
    }

    /// The text of ``hashesPath``, data files in the root's order.
    func hashesText() -> String {
        root.dataPaths.map { "\(hashes[$0] ?? "") \($0)\n" }.joined()
    }
}
