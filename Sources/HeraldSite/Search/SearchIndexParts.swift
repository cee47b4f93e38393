import Foundation
import HeraldCore

/// Every published issue's ``SearchIndexPart``, as the last build made them, kept in the output
/// beside the index (`search/parts.txt`; the page never reads it).
///
/// The file is text, one line per entry under a line per part: fields are separated by tabs,
/// terms by spaces (`?` for an entry never indexed), and a backslash escapes the tabs, line ends
/// and backslashes a field may hold. A file that is missing, of another format or malformed anywhere is ignored as a whole, and the
/// build reads every issue again.
struct SearchIndexParts: Sendable {
    static let path = "search/parts.txt"
    /// Changes whenever the file's layout or the way parts are made changes.
    static let currentFormat = 1

    /// Part key (``SearchIndexPart/key(sourceHash:settings:)``, hex) → part.
    var parts: [String: SearchIndexPart]
    /// The terms the parts' entries are numbered in.
    let terms: TermTable
    /// Part key → the part's lines as a file held them, for writing an unchanged part back:
    /// copying them costs a fraction of writing every entry again, and editing one issue
    /// changes one part of six hundred.
    private var lines: [String: ArraySlice<UInt8>] = [:]

    /// The parts, numbered in `terms`, taking the lines of each that `previous` holds unchanged.
    /// Lines are carried only when `terms` extends `previous`' table, as the index's table does
    /// (a part's numbers then mean the same words in both).
    init(parts: [String: SearchIndexPart], terms: TermTable, carryingLinesFrom previous: SearchIndexParts? = nil) {
        self.parts = parts
        self.terms = terms
        guard let previous, terms.terms.starts(with: previous.terms.terms) else { return }
        for (key, part) in parts {
            // Equal parts write equal lines; a part carried over untouched shares its storage
            // with the previous one, so the comparison costs nothing.
            if let lines = previous.lines[key], previous.parts[key] == part { self.lines[key] = lines }
        }
    }

    /// The parts in `output`, or `nil` when there are none to trust.
    static func read(in output: URL) -> SearchIndexParts? {
        (try? ReadableFile.bytes(atPath: output.appendingPathComponent(path).path)).flatMap(
            SearchIndexParts.init(bytes:))
    }

    init?(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Reads the file's bytes; `nil` when any line is not what ``bytes()`` writes.
    ///
    /// Works on bytes, making a `String` only of each field and of each distinct term: the file
    /// is as large as the archive, and splitting it as text cost more than reading every issue
    /// again. A first pass finds where each part's lines are (its header says how many); the
    /// parts are then read in runs on every core, each run numbering the terms it meets by their
    /// bytes, and the runs' numbers are joined into one ``TermTable``.
    init?(bytes: [UInt8]) {
        let header = Array("herald-search-parts \(SearchIndexParts.currentFormat)\n".utf8)
        guard bytes.starts(with: header) else { return nil }
        let read: ([(key: String, part: SearchIndexPart, lines: Range<Int>)], TermTable)? =
            bytes.withUnsafeBufferPointer { buffer in
                var outline = LineReader(buffer: buffer, position: header.count)
                guard let spans = outline.partSpans() else { return nil }
                nonisolated(unsafe) let buffer = buffer
                var runs = spans.concurrentFlatMap(runs: SearchIndexParts.readingRuns) { run in
                    [SearchIndexParts.readRun(run, in: buffer)]
                }
                // The runs' terms numbered in one table, in file order; then each later run's
                // parts renumbered in place (the first run's numbers are the table's).
                var table = TermTable()
                var readParts: [SearchIndexPart] = []
                readParts.reserveCapacity(spans.count)
                for index in runs.indices {
                    // Taken out of the list, so that its arrays change in place.
                    guard var run = runs[index] else { return nil }
                    runs[index] = nil
                    let numbers = run.words.map { table.number(of: $0) }
                    if !numbers.indices.allSatisfy({ numbers[$0] == Int32($0) }) {
                        SearchIndexParts.renumber(&run.parts, as: numbers)
                    }
                    readParts += run.parts
                }
                var read: [(key: String, part: SearchIndexPart, lines: Range<Int>)] = []
                read.reserveCapacity(spans.count)
                for part in readParts {
                    let span = spans[read.count]
                    read.append((span.key, part, span.lines))
                }
                return (read, table)
            }
        guard let (read, table) = read else { return nil }
        var parts: [String: SearchIndexPart] = [:]
        var lines: [String: ArraySlice<UInt8>] = [:]
        for (key, part, range) in read {
            parts[key] = part
            lines[key] = bytes[range]
        }
        self.parts = parts
        self.terms = table
        self.lines = lines
    }

    /// How many runs the parts are read in. Every run after the first is renumbered into the
    /// joined table, which costs a fifth of reading it, so runs beyond the cores only add that.
    private static let readingRuns = 2

    /// The parts of `spans`, their terms numbered as this run met them, and those terms; `nil`
    /// when a line is malformed.
    private static func readRun(
        _ spans: ArraySlice<PartSpan>, in buffer: UnsafeBufferPointer<UInt8>
    ) -> (parts: [SearchIndexPart], words: [String])? {
        var numbering = TermBytesTable()
        var parts: [SearchIndexPart] = []
        parts.reserveCapacity(spans.count)
        for span in spans {
            var reader = LineReader(buffer: buffer, position: span.entries.lowerBound)
            var entries: [SearchIndexPart.Entry] = []
            entries.reserveCapacity(span.count)
            for _ in 0..<span.count {
                guard let line = reader.nextLine(), let entry = reader.entry(in: line, numbering: &numbering) else {
                    return nil
                }
                entries.append(entry)
            }
            parts.append(SearchIndexPart(entries: entries))
        }
        return (parts, numbering.words())
    }

    /// Gives every term of `parts` its number in the joined table, in the arrays the run read
    /// (made anew, entry by entry, the renumbering took a tenth of a rebuild after editing
    /// one issue), the parts shared out between the cores.
    private static func renumber(_ parts: inout [SearchIndexPart], as numbers: [Int32]) {
        let shares = min(FileSplitting.cores, parts.count)
        guard shares > 0 else { return }
        parts.withUnsafeMutableBufferPointer { parts in
            nonisolated(unsafe) let parts = parts
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                for index in stride(from: share, to: parts.count, by: shares) {
                    for entry in parts[index].entries.indices {
                        parts[index].entries[entry].terms?.renumber(as: numbers)
                    }
                }
            }
        }
    }

    /// Hands the file's bytes (see ``init(bytes:)``) to `write` as they are made, parts in key
    /// order so that the same parts make the same bytes, in runs of about a megabyte, a part
    /// carried from the last build as the run it was read in. Each run is passed on before the
    /// next is made in the same room: a 50 MB issue's parts are 44 MB, which, made whole before
    /// the file was written, were the peak of its build.
    func write<Failure: Error>(inRuns write: (ArraySlice<UInt8>) throws(Failure) -> Void) throws(Failure) {
        var output = Array("herald-search-parts \(SearchIndexParts.currentFormat)\n".utf8)
        output.reserveCapacity(SearchIndexParts.chunkSize + SearchIndexParts.chunkSize / 4)
        func passOn(whenOver size: Int) throws(Failure) {
            guard output.count >= size else { return }
            try write(output[...])
            output.removeAll(keepingCapacity: true)
        }
        for key in parts.keys.sorted() {
            if let lines = lines[key] {
                try passOn(whenOver: 1)
                try write(lines)
                continue
            }
            let entries = parts[key]?.entries ?? []
            output += "part \(key) \(entries.count)\n".utf8
            for entry in entries {
                let document = entry.document
                SearchIndexParts.append(document.title, to: &output)
                output.append(0x09)
                SearchIndexParts.append(document.detail, to: &output)
                output.append(0x09)
                SearchIndexParts.append(document.section, to: &output)
                output.append(0x09)
                output += String(document.line).utf8
                output.append(0x09)
                // Optional fields start with `+`, so that an empty value and no value differ.
                if let repeatKey = document.repeatKey {
                    output.append(UInt8(ascii: "+"))
                    SearchIndexParts.append(repeatKey, to: &output)
                }
                output.append(0x09)
                if let searchedDetail = document.searchedDetail {
                    output.append(UInt8(ascii: "+"))
                    SearchIndexParts.append(searchedDetail, to: &output)
                }
                output.append(0x09)
                // Terms are letters and digits: `?` marks an entry never indexed.
                if let terms = entry.terms {
                    append(terms: terms.title, to: &output)
                    output.append(0x09)
                    append(terms: terms.detail, to: &output)
                } else {
                    output += "?\t?".utf8
                }
                output.append(0x0A)
                try passOn(whenOver: SearchIndexParts.chunkSize)
            }
        }
        try passOn(whenOver: 1)
    }

    /// About how many bytes each run of ``write(inRuns:)`` holds.
    static let chunkSize = 1 << 20

    private func append(terms numbers: [Int32], to output: inout [UInt8]) {
        for (index, number) in numbers.enumerated() {
            if index > 0 { output.append(0x20) }
            var term = terms[number]
            term.withUTF8 { output.append(contentsOf: $0) }
        }
    }

    /// Appends `field`, a backslash before each backslash and tab and line end written as
    /// `\t`, `\n`, `\r`: the runs between them copied whole, in one pass over the bytes.
    private static func append(_ field: String, to output: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let escaped: UInt8
                switch bytes[index] {
                case 0x5C: escaped = 0x5C
                case 0x09: escaped = UInt8(ascii: "t")
                case 0x0A: escaped = UInt8(ascii: "n")
                case 0x0D: escaped = UInt8(ascii: "r")
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(0x5C)
                output.append(escaped)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

/// Walks the lines and fields of ``SearchIndexParts``' bytes.
private struct LineReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var position: Int

    /// The next line, without its `\n`; `nil` at the end. A last line without `\n` is malformed
    /// and read as the end.
    mutating func nextLine() -> Range<Int>? {
        guard let end = ByteSearch.firstIndex(of: 0x0A, in: buffer, within: position..<buffer.count) else {
            return nil
        }
        defer { position = end + 1 }
        return position..<end
    }

    /// Where each part is, from the current position to the end: its key, how many entries it
    /// has, the range of its entry lines and of all its lines (header included). `nil` when a
    /// header is malformed or a part has fewer lines than it says.
    mutating func partSpans() -> [PartSpan]? {
        var spans: [PartSpan] = []
        while true {
            let start = position
            guard let line = nextLine() else { return spans }
            let fields = fields(of: line, separator: 0x20, limit: 3)
            guard fields.count == 3, equals(fields[0], "part"), let count = number(fields[2]) else { return nil }
            let entriesStart = position
            for _ in 0..<count {
                guard nextLine() != nil else { return nil }
            }
            spans.append(
                PartSpan(
                    key: string(fields[1]), count: count, entries: entriesStart..<position, lines: start..<position))
        }
    }

    /// `range` split at `separator`, into at most `limit` fields (the last takes the rest).
    func fields(of range: Range<Int>, separator: UInt8, limit: Int = .max) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(min(limit, 8))
        var start = range.lowerBound
        while fields.count + 1 < limit,
            let end = ByteSearch.firstIndex(of: separator, in: buffer, within: start..<range.upperBound)
        {
            fields.append(start..<end)
            start = end + 1
        }
        fields.append(start..<range.upperBound)
        return fields
    }

    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        range.count == text.utf8CodeUnitCount
            && zip(range, 0..<text.utf8CodeUnitCount).allSatisfy { buffer[$0] == text.utf8Start[$1] }
    }

    /// A decimal number of at most 9 digits.
    func number(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for index in range {
            let digit = Int(buffer[index]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// The field's text with its escapes undone.
    func unescaped(_ range: Range<Int>) -> String {
        guard ByteSearch.firstIndex(of: 0x5C, in: buffer, within: range) != nil else { return string(range) }
        var bytes: [UInt8] = []
        var escaping = false
        for index in range {
            let byte = buffer[index]
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                default: bytes.append(byte)
                }
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An optional field: empty for none, else its value after a `+`; `.none` when malformed.
    func optional(_ range: Range<Int>) -> String?? {
        if range.isEmpty { return .some(nil) }
        guard buffer[range.lowerBound] == UInt8(ascii: "+") else { return nil }
        return .some(unescaped(range.dropFirst()))
    }

    /// The space-separated terms of `range`, numbered in `numbering` by their bytes: the
    /// archive's parts hold over three hundred thousand, of seventeen thousand terms.
    func terms(_ range: Range<Int>, numbering: inout TermBytesTable) -> [Int32] {
        guard !range.isEmpty else { return [] }
        var terms: [Int32] = []
        terms.reserveCapacity(8)
        // One pass: each term's hash is made as its bytes are passed over.
        var start = range.lowerBound
        var hash = TermBytesTable.emptyHash
        for index in range {
            let byte = buffer[index]
            if byte == 0x20 {
                terms.append(numbering.number(of: UnsafeBufferPointer(rebasing: buffer[start..<index]), hash: hash))
                start = index + 1
                hash = TermBytesTable.emptyHash
            } else {
                hash = TermBytesTable.hash(hash, adding: byte)
            }
        }
        terms.append(numbering.number(of: UnsafeBufferPointer(rebasing: buffer[start..<range.upperBound]), hash: hash))
        return terms
    }

    /// One entry line.
    func entry(in line: Range<Int>, numbering: inout TermBytesTable) -> SearchIndexPart.Entry? {
        let fields = fields(of: line, separator: 0x09)
        guard fields.count == 8, let number = number(fields[3]), let repeatKey = optional(fields[4]),
            let searchedDetail = optional(fields[5])
        else { return nil }
        let unindexed = (equals(fields[6], "?"), equals(fields[7], "?"))
        guard unindexed.0 == unindexed.1 else { return nil }
        let document = SearchDocument(
            cleanTitle: unescaped(fields[0]), detail: unescaped(fields[1]), section: unescaped(fields[2]),
            line: number, repeatKey: repeatKey, searchedDetail: searchedDetail)
        let terms =
            unindexed.0
            ? nil
            : SearchIndexPart.Terms(
                title: terms(fields[6], numbering: &numbering), detail: terms(fields[7], numbering: &numbering))
        return SearchIndexPart.Entry(document: document, terms: terms)
    }
}

/// Where one part's lines are in the file.
private struct PartSpan {
    var key: String
    /// How many entries the part has, as its header says.
    var count: Int
    /// Its entry lines.
    var entries: Range<Int>
    /// All its lines, header included, as a later build writes an unchanged part back.
    var lines: Range<Int>
}
