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
    let termShards: [[UInt8]]
    /// The text of each entry chunk, uncompressed.
    let entryChunks: [[UInt8]]
    /// The numbers of the terms the shards hold, in the shards' order.
    let termOrder: [Int32]

    init(index: SearchIndex, key: String) {
        // The shards and the chunks each read the index and nothing else, so they are made side
        // by side: each is a pass over the whole archive.
        let ((shards, firstTerms, order), (chunks, sections)) = sideBySide(
            { SearchIndexFiles.termShards(of: index) }, { SearchIndexFiles.entryChunks(of: index) })
        root = SearchIndexRoot(
            key: key, entries: index.kept.count, entriesPerChunk: SearchIndexFiles.entriesPerChunk,
            shards: firstTerms,
            sections: sections, stopWords: SearchText.stopWords.sorted(), stemming: index.stems ? "english" : nil)
        termShards = shards
        entryChunks = chunks
        termOrder = order
    }

    /// The chunks' texts, and the section titles in the order they are numbered (first met).
    /// Written from the entries' bytes: no string is made for an entry.
    private static func entryChunks(of index: SearchIndex) -> ([[UInt8]], [String]) {
        let store = index.store
        var sections: [String] = []
        var sectionNumbers = [Int](repeating: -1, count: store.sections.count)
        var chunks: [[UInt8]] = []
        var chunk: [UInt8] = []
        var previous: (issue: Int, section: Int, line: Int)?
        store.withContents { contents in
            for (number, slot) in index.kept.enumerated() {
                if number % SearchIndexFiles.entriesPerChunk == 0, number > 0 {
                    chunks.append(chunk)
                    chunk.removeAll(keepingCapacity: true)
                    previous = nil
                }
                let record = contents.records[slot.entry]
                var section = sectionNumbers[Int(record.section)]
                if section < 0 {
                    section = sections.count
                    sectionNumbers[Int(record.section)] = section
                    sections.append(store.sections[Int(record.section)])
                }
                if previous?.issue != slot.issue {
                    chunk += SearchIndexFiles.issueLine(index.issues[slot.issue]).utf8
                    previous = nil
                }
                if previous?.section != section {
                    chunk.append(UInt8(ascii: "#"))
                    DecimalDigits.withDigits(of: section) { chunk.append(contentsOf: $0) }
                    chunk.append(UInt8(ascii: "\n"))
                }
                let line = Int(record.line)
                let distance = previous.map { line - $0.line } ?? line
                if distance != 1 || previous == nil {
                    DecimalDigits.withDigits(of: distance) { chunk.append(contentsOf: $0) }
                }
                let fields = contents.fields(of: slot.entry)
                chunk.append(UInt8(ascii: "\t"))
                chunk.append(contentsOf: fields.title)
                if !fields.detail.isEmpty {
                    chunk.append(UInt8(ascii: "\t"))
                    chunk.append(contentsOf: fields.detail)
                }
                chunk.append(UInt8(ascii: "\n"))
                previous = (slot.issue, section, line)
            }
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        return (chunks, sections)
    }

    /// `@link␉number␉date`, and the title only for an issue without a number, as results show
    /// the number.
    private static func issueLine(_ issue: SearchIndex.IssueInfo) -> String {
        var fields = [issue.link, issue.number.map(String.init) ?? "", issue.date]
        if issue.number == nil { fields.append(SearchDocument.clean(issue.title)) }
        return "@" + fields.joined(separator: "\t") + "\n"
    }

    /// The shards' texts, the first term of each, and the numbers of the terms they hold in
    /// order. A line is `P suffix title [detail]`: `P` says how many UTF-16 units the term shares
    /// with the previous one (`!` for none, up to ``maximumSharedPrefix``), then come the rest of
    /// the term and its postings. Written from the terms' bytes, terms no kept entry has left out.
    ///
    /// The terms are sorted by their text; a table read from the last build's parts numbers them
    /// in this order already (``SearchIndexParts/termOrder``), and the sort, which takes runs
    /// already in order as they are, then has only the new terms to place.
    private static func termShards(of index: SearchIndex) -> ([[UInt8]], [String], [Int32]) {
        index.terms.withAllBytes { bytes, ranges in
            func term(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[ranges[number]])
            }
            let numbers = ranges.indices.filter { !index.postings(ofNumber: Int32($0)).isEmpty }
                .sorted { SearchIndexFiles.precedesInUTF16(term($0), term($1)) }
            var shards: [[UInt8]] = []
            var firstTerms: [String] = []
            var current: [UInt8] = []
            var encoded: [UInt8] = []
            var scratch: (title: [UInt8], detail: [UInt8]) = ([], [])
            var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            for number in numbers {
                let term = term(number)
                encoded.removeAll(keepingCapacity: true)
                SearchIndexFiles.encode(index.postings(ofNumber: Int32(number)), into: &encoded, scratch: &scratch)
                if !current.isEmpty, current.count + term.count + encoded.count + 3 > SearchIndexFiles.shardTargetSize {
                    shards.append(current)
                    current.removeAll(keepingCapacity: true)
                }
                if current.isEmpty {
                    firstTerms.append(String(decoding: term, as: UTF8.self))
                    previous = UnsafeBufferPointer(start: nil, count: 0)
                }
                let shared = SearchIndexFiles.sharedPrefix(of: term, and: previous)
                current.append(UInt8(0x21 + shared.units))
                current.append(contentsOf: UnsafeBufferPointer(rebasing: term[shared.bytes...]))
                current.append(UInt8(ascii: " "))
                current += encoded
                current.append(UInt8(ascii: "\n"))
                previous = term
            }
            if !current.isEmpty { shards.append(current) }
            return (shards, firstTerms, numbers.map(Int32.init))
        }
    }

    /// Whether the UTF-8 text `first` comes before `second` in UTF-16 order, as JavaScript
    /// compares strings. Bytes compare as code points do, which is UTF-16's order but where a
    /// character beyond U+FFFF (lead byte F0 to F4; surrogates in UTF-16) meets one from U+E000 to
    /// U+FFFF (lead byte EE or EF): UTF-16 puts the surrogates first.
    static func precedesInUTF16(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = Swift.min(first.count, second.count)
        var index = 0
        while index < common, first[index] == second[index] { index += 1 }
        guard index < common else { return first.count < second.count }
        let (a, b) = (first[index], second[index])
        if a >= 0xF0, b == 0xEE || b == 0xEF { return true }
        if b >= 0xF0, a == 0xEE || a == 0xEF { return false }
        return a < b
    }

    /// The whole characters `term` starts with as `previous` does, in bytes and in UTF-16 units,
    /// at most ``maximumSharedPrefix`` units.
    private static func sharedPrefix(
        of term: UnsafeBufferPointer<UInt8>, and previous: UnsafeBufferPointer<UInt8>
    ) -> (bytes: Int, units: Int) {
        var bytes = 0
        var units = 0
        while bytes < term.count {
            let lead = term[bytes]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let characterUnits = length == 4 ? 2 : 1
            guard bytes + length <= term.count, bytes + length <= previous.count,
                units + characterUnits <= maximumSharedPrefix,
                (bytes..<bytes + length).allSatisfy({ term[$0] == previous[$0] })
            else { break }
            bytes += length
            units += characterUnits
        }
        return (bytes, units)
    }

    /// The most UTF-16 units a term is said to share with the previous one, so that the count is
    /// one character of `!` to `/`, which no term contains.
    static let maximumSharedPrefix = 14

    /// The uncompressed bytes of the data file at `path` (`search/terms/3.txt`), or `nil` when
    /// the index has no such file.
    func bytes(at path: String) -> [UInt8]? {
        if let number = SearchIndexFiles.number(in: path, folder: "terms", suffix: ".txt"), number < termShards.count {
            return termShards[number]
        }
        if let number = SearchIndexFiles.number(in: path, folder: "entries", suffix: ".bin"), number < entryChunks.count
        {
            return entryChunks[number]
        }
        return nil
    }

    /// ``bytes(at:)`` as text.
    func text(at path: String) -> String? {
        bytes(at: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The data file at `path` as it is written: a term shard as it is, an entry chunk
    /// compressed, as entries are mostly words that compress to about half.
    func contents(at path: String) -> [UInt8]? {
        guard let bytes = bytes(at: path) else { return nil }
        return path.hasSuffix(".bin") ? Gzip.compress(bytes) : bytes
    }

    private static func number(in path: String, folder: String, suffix: String) -> Int? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "search", parts[1] == folder, parts[2].hasSuffix(suffix) else { return nil }
        return Int(parts[2].dropLast(suffix.count)).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The root and the hash of each data file's text, as ``BuiltSearchIndex`` records them.
    var built: BuiltSearchIndex {
        // The root lists the shards, then the chunks.
        let paths = root.dataPaths
        let hashes = (termShards + entryChunks).concurrentMap { StableHash(utf8: $0).hex }
        return BuiltSearchIndex(root: root, hashes: Dictionary(zip(paths, hashes)) { first, _ in first })
    }

    /// Postings as text: the entries with the term in their title, then, after a space when
    /// there are any, the entries with it only in their detail. Each number is written as its
    /// distance from the previous one in its list (in the title list, times two plus one when
    /// the term is the whole title), in base 47, most significant digit first; the last digit is
    /// one of `!` to `O`, the others one of `P` to `~`, so numbers need no separator. Frequent
    /// terms take about one character per entry.
    static func encode(_ postings: some Collection<Int>) -> String {
        var bytes: [UInt8] = []
        var scratch: (title: [UInt8], detail: [UInt8]) = ([], [])
        encode(postings, into: &bytes, scratch: &scratch)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``encode(_:)``, appended to `output`; `scratch` is room for the two lists, reused.
    ///
    /// Digits are written through the scratch arrays' storage, into room for the most any
    /// posting takes, then copied: appended one by one, the archive's half million of them cost a
    /// tenth of a rebuild's index.
    private static func encode(
        _ postings: some Collection<Int>, into output: inout [UInt8], scratch: inout (title: [UInt8], detail: [UInt8])
    ) {
        let room = postings.count * maximumDigits
        if scratch.title.count < room {
            scratch = ([UInt8](repeating: 0, count: room * 2), [UInt8](repeating: 0, count: room * 2))
        }
        var (titleEnd, detailEnd) = (0, 0)
        scratch.title.withUnsafeMutableBufferPointer { title in
            scratch.detail.withUnsafeMutableBufferPointer { detail in
                var previousTitle = 0
                var previousDetail = 0
                for posting in postings {
                    let number = posting >> 2
                    if posting & SearchIndex.inTitle != 0 {
                        write(
                            (number - previousTitle) * 2 + (posting & SearchIndex.wholeTitle == 0 ? 0 : 1),
                            into: title, at: &titleEnd)
                        previousTitle = number
                    } else {
                        write(number - previousDetail, into: detail, at: &detailEnd)
                        previousDetail = number
                    }
                }
            }
        }
        output += scratch.title[..<titleEnd]
        if detailEnd > 0 {
            output.append(UInt8(ascii: " "))
            output += scratch.detail[..<detailEnd]
        }
    }

    /// The most digits a posting takes: 47 to the 12th is past `Int.max`.
    private static let maximumDigits = 12

    /// The number of values a digit takes.
    static let base = 47
    /// The character of a last digit of value 0; the others follow in ASCII order.
    static let lastDigitZero = UInt8(ascii: "!")
    /// The character of a leading digit of value 0.
    static let leadingDigitZero = UInt8(ascii: "P")

    /// Writes `value`'s digits at `position` of `output`, the leading ones first, and moves
    /// `position` past them.
    @inline(__always)
    private static func write(_ value: Int, into output: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        var digits = 1
        var rest = value / base
        while rest > 0 {
            digits += 1
            rest /= base
        }
        var value = value
        output[position + digits - 1] = lastDigitZero + UInt8(value % base)
        value /= base
        for index in stride(from: position + digits - 2, through: position, by: -1) {
            output[index] = leadingDigitZero + UInt8(value % base)
            value /= base
        }
        position += digits
    }
}
