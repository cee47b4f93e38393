/// One issue's share of the search index, as entries: what reading an issue for search yields
/// and what the index is assembled from.
///
/// Parts are kept between builds (``SearchIndexParts``), keyed by the text and the
/// settings that shape them, so that editing one published issue reads that issue again and
/// takes every other issue's part as the last build left it.
struct SearchIndexPart: Hashable, Sendable {
    /// One entry and, once found, its distinct index terms.
    struct Entry: Hashable, Sendable {
        var document: SearchDocument
        /// `nil` until the entry is indexed: entries that a newer issue repeats are never
        /// indexed, so their terms are found only if they come to be kept. Numbers in the
        /// ``TermTable`` the part was read or indexed with.
        var terms: Terms?
    }

    /// The terms of the entry's title, and those of its detail that the title lacks, as numbers
    /// in the index's ``TermTable`` (in a ``TermFinder``'s while they are found), each list in
    /// the order of the terms' text.
    struct Terms: Hashable, Sendable {
        var title: [Int32]
        var detail: [Int32]
    }

    var entries: [Entry]

    /// What a part depends on besides its issue's text: the settings that change entries or
    /// terms, and the formats of both.
    static func key(sourceHash: StableHash, settings: StableHash) -> StableHash {
        var key = StableHash("search-part", String(SearchIndexParts.currentFormat))
        key.combine(settings)
        key.combine(sourceHash)
        return key
    }
}
