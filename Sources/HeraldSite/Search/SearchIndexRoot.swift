import Foundation

/// `search/index.json`: what the search page reads first, and what the next build reads to know
/// whether the index it would write is the one already there.
///
/// It names the first term of every term shard (so a query, or a prefix, maps to the shards
/// that can hold it), how many entries there are and how many each entry chunk holds, the
/// section titles entries refer to by number, the stop words queries drop, the month names
/// dates are written with, and whether words are stemmed. The search page carries it in its
/// form, so a query starts with the shards it needs instead of a round trip for this file.
struct SearchIndexRoot: Codable, Hashable, Sendable {
    /// Bumped whenever the files' format changes, so that an old script never reads new files.
    static let currentFormat = 4
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
    /// `english` when terms are English stems (``EnglishStemmer``), so the script stems a
    /// query's words too; absent when they are words as written.
    var stemming: String?
    /// For writing an issue's `YYYY-MM-DD` as `7 February 2024`, as its page does.
    var months = FeedDate.monthNames

    /// The term shard `number`: lines of a term and its postings, as plain text, since postings
    /// hardly compress; a server that compresses text sends it smaller, and the browser inflates
    /// it off the page's thread.
    static func termShardPath(_ number: Int) -> String { "search/terms/\(number).txt" }

    /// The entry chunk `number`, gzip-compressed: entries `number × entriesPerChunk` onwards.
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
