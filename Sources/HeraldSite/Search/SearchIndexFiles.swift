import HeraldCore

/// A ``SearchIndex`` as the files the search page fetches: the root, term shards and entry
/// chunks (`docs/search.md` describes their format).
///
/// Term shards hold consecutive terms (in UTF-16 order, as JavaScript compares strings) up to
/// about ``shardTargetSize`` bytes, so a one-word query loads one shard and a prefix loads the
/// few its range covers. Entry chunks hold ``entriesPerChunk`` entries each, so showing ten
/// results loads at most ten small chunks. Both are written to be small once inflated too, as
/// the browser holds them inflated: a term says only what it does not share with the previous
/// one, an entry's line is a distance from the previous entry's, a section or an issue is named
/// where it changes. Chunks are stored gzip-compressed (``Gzip``), shards as they are
/// (``contents(at:)``).
struct SearchIndexFiles: Sendable {
    static let shardTargetSize = 16_000
    static let entriesPerChunk = 96

    let root: SearchIndexRoot
    /// The text of each term shard, uncompressed.
    let termShards: [String]
    /// The text of each entry chunk, uncompressed.
    let entryChunks: [String]

    init(index: SearchIndex, key: String) {
        // The shards and the chunks each read the index and nothing else, so they are made side
        // by side: each is a pass over the whole archive, a third of a rebuild's index time.
        let made = [SearchIndexFiles.termShards(of:), SearchIndexFiles.entryChunks(of:)].concurrentMap { $0(index) }
        let (shards, firstTerms) = made[0]
        let (chunks, sections) = made[1]
        root = SearchIndexRoot(
            key: key, entries: index.entries.count, entriesPerChunk: SearchIndexFiles.entriesPerChunk,
            shards: firstTerms,
            sections: sections, stopWords: SearchText.stopWords.sorted(), stemming: index.stems ? "english" : nil)
        termShards = shards
        entryChunks = chunks
    }

    /// The chunks' texts, and the section titles in the order they are numbered (first met).
    private static func entryChunks(of index: SearchIndex) -> ([String], [String]) {
        var sections: [String] = []
        var sectionNumbers: [String: Int] = [:]
        var chunks: [String] = []
        // Each chunk is made as bytes and becomes a string once: appending pieces to a string
        // made a temporary for each of the archive's fifty thousand entries.
        var chunk: [UInt8] = []
        var previous: (issue: Int, section: Int, line: Int)?
        for (number, entry) in index.entries.enumerated() {
            if number % SearchIndexFiles.entriesPerChunk == 0, number > 0 {
                chunks.append(String(decoding: chunk, as: UTF8.self))
                chunk.removeAll(keepingCapacity: true)
                previous = nil
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
            if previous?.issue != entry.issue {
                chunk += SearchIndexFiles.issueLine(index.issues[entry.issue]).utf8
                previous = nil
            }
            if previous?.section != section {
                chunk += "#\(section)\n".utf8
            }
            let distance = previous.map { document.line - $0.line } ?? document.line
            if distance != 1 || previous == nil { chunk += String(distance).utf8 }
            chunk.append(UInt8(ascii: "\t"))
            chunk += document.title.utf8
            if !document.detail.isEmpty {
                chunk.append(UInt8(ascii: "\t"))
                chunk += document.detail.utf8
            }
            chunk.append(UInt8(ascii: "\n"))
            previous = (entry.issue, section, document.line)
        }
        if !chunk.isEmpty { chunks.append(String(decoding: chunk, as: UTF8.self)) }
        return (chunks, sections)
    }

    /// `@link␉number␉date`, and the title only for an issue without a number, as results show
    /// the number.
    private static func issueLine(_ issue: SearchIndex.IssueInfo) -> String {
        var fields = [issue.link, issue.number.map(String.init) ?? "", issue.date]
        if issue.number == nil { fields.append(SearchDocument.clean(issue.title)) }
        return "@" + fields.joined(separator: "\t") + "\n"
    }

    /// The shards' texts and the first term of each. A line is `P suffix title [detail]`: `P`
    /// says how many UTF-16 units the term shares with the previous one (`!` for none, up to
    /// ``maximumSharedPrefix``), then come the rest of the term and its postings.
    private static func termShards(of index: SearchIndex) -> ([String], [String]) {
        // Each term's UTF-16 units made once: comparing the views themselves in the sort walked
        // both strings' encodings at every comparison. Terms no kept entry has are left out.
        let numbers = index.postings.indices.filter { !index.postings[$0].isEmpty }
            .map { (number: $0, units: Array(index.terms[Int32($0)].utf16)) }
            .sorted { $0.units.lexicographicallyPrecedes($1.units) }.map(\.number)
        var shards: [String] = []
        var firstTerms: [String] = []
        // Made as bytes, each shard becoming a string once it is full.
        var current: [UInt8] = []
        var encoded: [UInt8] = []
        var previous: [Unicode.Scalar] = []
        for number in numbers {
            let term = index.terms[Int32(number)]
            let scalars = Array(term.unicodeScalars)
            encoded.removeAll(keepingCapacity: true)
            SearchIndexFiles.encode(index.postings[number], into: &encoded)
            if !current.isEmpty,
                current.count + term.utf8.count + encoded.count + 3 > SearchIndexFiles.shardTargetSize
            {
                shards.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            if current.isEmpty {
                firstTerms.append(term)
                previous = []
            }
            var shared = 0
            var sharedUnits = 0
            while shared < min(scalars.count, previous.count), scalars[shared] == previous[shared],
                sharedUnits + scalars[shared].utf16.count <= maximumSharedPrefix
            {
                sharedUnits += scalars[shared].utf16.count
                shared += 1
            }
            current.append(UInt8(0x21 + sharedUnits))
            for scalar in scalars[shared...] {
                UTF8.encode(scalar) { current.append($0) }
            }
            current.append(UInt8(ascii: " "))
            current += encoded
            current.append(UInt8(ascii: "\n"))
            previous = scalars
        }
        if !current.isEmpty { shards.append(String(decoding: current, as: UTF8.self)) }
        return (shards, firstTerms)
    }

    /// The most UTF-16 units a term is said to share with the previous one, so that the count is
    /// one character of `!` to `/`, which no term contains.
    static let maximumSharedPrefix = 14

    /// The uncompressed text of the data file at `path` (`search/terms/3.txt`), or `nil` when
    /// the index has no such file.
    func text(at path: String) -> String? {
        if let number = SearchIndexFiles.number(in: path, folder: "terms", suffix: ".txt"), number < termShards.count {
            return termShards[number]
        }
        if let number = SearchIndexFiles.number(in: path, folder: "entries", suffix: ".bin"), number < entryChunks.count
        {
            return entryChunks[number]
        }
        return nil
    }

    /// The data file at `path` as it is written: a term shard as it is, an entry chunk
    /// compressed, as entries are mostly words that compress to about half.
    func contents(at path: String) -> [UInt8]? {
        guard let text = text(at: path) else { return nil }
        return path.hasSuffix(".bin") ? Gzip.compress(Array(text.utf8)) : Array(text.utf8)
    }

    private static func number(in path: String, folder: String, suffix: String) -> Int? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "search", parts[1] == folder, parts[2].hasSuffix(suffix) else { return nil }
        return Int(parts[2].dropLast(suffix.count)).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The root and the hash of each data file's text, as ``BuiltSearchIndex`` records them.
    var built: BuiltSearchIndex {
        let paths = root.dataPaths
        let hashes = paths.concurrentMap { StableHash(text(at: $0) ?? "").hex }
        return BuiltSearchIndex(root: root, hashes: Dictionary(zip(paths, hashes)) { first, _ in first })
    }

    /// Postings as text: the entries with the term in their title, then, after a space when
    /// there are any, the entries with it only in their detail. Each number is written as its
    /// distance from the previous one in its list (in the title list, times two plus one when
    /// the term is the whole title), in base 47, most significant digit first; the last digit is
    /// one of `!` to `O`, the others one of `P` to `~`, so numbers need no separator. Frequent
    /// terms take about one character per entry.
    static func encode(_ postings: [Int]) -> String {
        var bytes: [UInt8] = []
        encode(postings, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``encode(_:)``, appended to `output`.
    private static func encode(_ postings: [Int], into output: inout [UInt8]) {
        var detail: [UInt8] = []
        var previousTitle = 0
        var previousDetail = 0
        for posting in postings {
            let number = posting >> 2
            if posting & SearchIndex.inTitle != 0 {
                append((number - previousTitle) * 2 + (posting & SearchIndex.wholeTitle == 0 ? 0 : 1), to: &output)
                previousTitle = number
            } else {
                append(number - previousDetail, to: &detail)
                previousDetail = number
            }
        }
        if !detail.isEmpty {
            output.append(UInt8(ascii: " "))
            output += detail
        }
    }

    /// The number of values a digit takes.
    static let base = 47
    /// The character of a last digit of value 0; the others follow in ASCII order.
    static let lastDigitZero = UInt8(ascii: "!")
    /// The character of a leading digit of value 0.
    static let leadingDigitZero = UInt8(ascii: "P")

    private static func append(_ value: Int, to output: inout [UInt8]) {
        var value = value
        let start = output.count
        output.append(lastDigitZero + UInt8(value % base))
        value /= base
        while value > 0 {
            output.insert(leadingDigitZero + UInt8(value % base), at: start)
            value /= base
        }
    }
}
