/// A ``SearchIndex`` as the files the search page fetches: the root, term shards and entry
/// chunks (`docs/search.md` describes their format).
///
/// Term shards hold consecutive terms (in UTF-16 order, as JavaScript compares strings) up to
/// about ``shardTargetSize`` bytes, so a one-word query loads one shard and a prefix loads the
/// few its range covers. Entry chunks hold ``entriesPerChunk`` entries each, so showing ten
/// results loads at most ten small chunks. Shards and chunks are stored gzip-compressed
/// (``Gzip``); the page inflates them with the browser's own `DecompressionStream`.
struct SearchIndexFiles: Sendable {
    static let shardTargetSize = 16_000
    static let entriesPerChunk = 48

    let root: SearchIndexRoot
    /// The text of each term shard, uncompressed.
    let termShards: [String]
    /// The text of each entry chunk, uncompressed.
    let entryChunks: [String]

    init(index: SearchIndex, key: String) {
        let terms = index.postings.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        var shards: [String] = []
        var firstTerms: [String] = []
        var current = ""
        for term in terms {
            let line = term + " " + SearchIndexFiles.encode(index.postings[term]!) + "\n"
            if current.isEmpty {
                firstTerms.append(term)
            } else if current.utf8.count + line.utf8.count > SearchIndexFiles.shardTargetSize {
                shards.append(current)
                current = ""
                firstTerms.append(term)
            }
            current += line
        }
        if !current.isEmpty { shards.append(current) }

        var sections: [String] = []
        var sectionNumbers: [String: Int] = [:]
        var chunks: [String] = []
        var chunk = ""
        var chunkIssue: Int?
        for (number, entry) in index.entries.enumerated() {
            if number % SearchIndexFiles.entriesPerChunk == 0, number > 0 {
                chunks.append(chunk)
                chunk = ""
                chunkIssue = nil
            }
            if chunkIssue != entry.issue {
                let issue = index.issues[entry.issue]
                chunk += "@" + [issue.link, issue.number.map(String.init) ?? "", issue.date, issue.readableDate, SearchDocument.clean(issue.title)]
                    .joined(separator: "\t") + "\n"
                chunkIssue = entry.issue
            }
            let document = entry.document
            let section: Int
            if let known = sectionNumbers[document.section] {
                section = known
            } else {
                section = sections.count
                sectionNumbers[document.section] = section
                sections.append(document.section)
            }
            var line = "\(section)\t\(document.line)\t\(document.title)"
            if !document.detail.isEmpty { line += "\t" + document.detail }
            chunk += line + "\n"
        }
        if !chunk.isEmpty { chunks.append(chunk) }

        root = SearchIndexRoot(
            key: key, entries: index.entries.count, entriesPerChunk: SearchIndexFiles.entriesPerChunk, shards: firstTerms,
            sections: sections, stopWords: SearchText.stopWords.sorted())
        termShards = shards
        entryChunks = chunks
    }

    /// The uncompressed text of the data file at `path` (`search/terms/3.bin`), or `nil` when
    /// the index has no such file.
    func text(at path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[2].hasSuffix(".bin"), let number = Int(parts[2].dropLast(4)), number >= 0 else {
            return nil
        }
        switch parts[1] {
        case "terms": return number < termShards.count ? termShards[number] : nil
        case "entries": return number < entryChunks.count ? entryChunks[number] : nil
        default: return nil
        }
    }

    /// The root and the hash of each data file's text, as ``BuiltSearchIndex`` records them.
    var built: BuiltSearchIndex {
        var hashes: [String: String] = [:]
        for path in root.dataPaths {
            hashes[path] = StableHash(text(at: path) ?? "").hex
        }
        return BuiltSearchIndex(root: root, hashes: hashes)
    }

    /// Postings as text: each entry number's distance from the previous one, times four plus its
    /// flags, written in base 32 with the most significant digit first; every digit but the
    /// last is from a second alphabet, so numbers need no separator. Frequent terms take about
    /// one character per entry.
    static func encode(_ postings: [Int]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(postings.count * 2)
        var previous = 0
        var digits: [UInt8] = []
        for posting in postings {
            let number = posting >> 2
            var value = (number - previous) * 4 + (posting & 3)
            previous = number
            digits.removeAll(keepingCapacity: true)
            digits.append(lastDigits[value & 31])
            value >>= 5
            while value > 0 {
                digits.append(leadingDigits[value & 31])
                value >>= 5
            }
            result += digits.reversed()
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The alphabet of a number's last base-32 digit.
    static let lastDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    /// The alphabet of its other digits.
    static let leadingDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)
}
