import Foundation

/// `search/index.json`: what the search page reads first, and what the next build reads to know
/// whether the index it would write is the one already there.
///
/// It names the first term of every term shard (so a query, or a prefix, maps to the shards
/// that can hold it), how many entries there are and how many each entry chunk holds, the
/// section titles entries refer to by number, and the stop words queries drop.
struct SearchIndexRoot: Codable, Hashable, Sendable {
    /// Bumped whenever the files' format changes, so that an old script never reads new files.
    static let currentFormat = 1
    static let path = "search/index.json"

    var format = SearchIndexRoot.currentFormat
    /// The hex key of everything the index was made from: the published issues, the settings
    /// that change entries or links, and this format.
    var key: String
    var entries: Int
    var entriesPerChunk: Int
    /// The first term of each term shard, in UTF-16 order.
    var shards: [String]
    var sections: [String]
    var stopWords: [String]

    /// The term shard `number`: lines of `term postings`.
    static func termShardPath(_ number: Int) -> String { "search/terms/\(number).bin" }

    /// The entry chunk `number`: entries `number × entriesPerChunk` onwards.
    static func entryChunkPath(_ number: Int) -> String { "search/entries/\(number).bin" }

    var chunkCount: Int { entriesPerChunk > 0 ? (entries + entriesPerChunk - 1) / entriesPerChunk : 0 }

    /// Every file of the index besides this one.
    var dataPaths: [String] {
        shards.indices.map(SearchIndexRoot.termShardPath) + (0..<chunkCount).map(SearchIndexRoot.entryChunkPath)
    }

    /// The root file a previous build left in `output`, or `nil` when there is none, it cannot
    /// be read, or it is of another format.
    static func read(in output: URL) -> SearchIndexRoot? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path),
            let root = try? JSONDecoder().decode(SearchIndexRoot.self, from: data),
            root.format == currentFormat, root.entriesPerChunk > 0, root.entries >= 0
        else { return nil }
        return root
    }

    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
