import Foundation
import HeraldCore

/// Every published issue's part of the search index (its entries and their terms), as the last
/// build made them, kept in the output beside the index (`search/parts.bin`; the page never
/// reads it), so that editing one issue reads that issue again and no other.
///
/// The file is the ``SearchEntryStore`` as it is held in memory: the terms, the sections, each
/// part's key and entry count, a record of eight numbers per entry, then every entry's text and
/// every term number, each run of them one after another. Reading it is checking it and copying
/// a few arrays; no string is made but the terms' and the sections' (as text, the file cost a
/// rebuild more than reading every other issue again). All numbers are little-endian, 32 bits
/// but the two totals, 64. A file that is missing, of another format or malformed anywhere is
/// ignored as a whole, and the build reads every issue again.
struct SearchIndexParts: Sendable {
    static let path = "search/parts.bin"
    /// Changes whenever the file's layout or the way parts are made changes.
    static let currentFormat = 2
    private static let header = Array("herald-search-parts \(currentFormat)\n".utf8)

    /// The entries of every part, and perhaps of parts no longer used (they are not written).
    var store: SearchEntryStore
    /// The terms the store's entries are numbered in.
    var terms: TermTable
    /// Part key (``SearchIndexPart/key(sourceHash:settings:)``, hex) → its entries in ``store``.
    var parts: [String: Range<Int>]
    /// Term numbers in the order the file numbers them, before the other terms: the index's
    /// files sort their terms by text, and a table read back in that order is sorted already.
    var termOrder: [Int32] = []

    init(store: SearchEntryStore, terms: TermTable, parts: [String: Range<Int>]) {
        self.store = store
        self.terms = terms
        self.parts = parts
    }

    /// Parts given as entries, numbered in `terms`.
    init(parts entries: [String: SearchIndexPart], terms: TermTable) {
        var store = SearchEntryStore()
        var parts: [String: Range<Int>] = [:]
        for (key, part) in entries {
            let start = store.count
            for entry in part.entries {
                let number = store.append(entry.document)
                if let found = entry.terms { store.setTerms(of: number, title: found.title, detail: found.detail) }
            }
            parts[key] = start..<store.count
        }
        self.init(store: store, terms: terms, parts: parts)
    }

    /// The part `key` as entries.
    func part(_ key: String) -> SearchIndexPart? {
        parts[key].map { SearchIndexPart(entries: $0.map(store.entry)) }
    }

    /// The parts in `output`, or `nil` when there are none to trust.
    static func read(in output: URL) -> SearchIndexParts? {
        (try? ReadableFile.bytes(atPath: output.appendingPathComponent(path).path)).flatMap(
            SearchIndexParts.init(bytes:))
    }

    /// Reads the file's bytes; `nil` when any of it is not what ``write(inRuns:)`` writes.
    init?(bytes: [UInt8]) {
        guard bytes.starts(with: SearchIndexParts.header) else { return nil }
        let read = bytes.withUnsafeBytes { buffer in
            var reader = FieldReader(buffer: buffer, position: SearchIndexParts.header.count)
            return reader.parts(of: bytes)
        }
        guard let read else { return nil }
        self = read
    }

    /// Hands the file's bytes (see ``init(bytes:)``) to `write` in runs of about a megabyte, each
    /// passed on before the next is made in the same room: a 50 MB issue's parts are tens of
    /// megabytes, which, made whole first, were the peak of its build.
    ///
    /// Parts are written in key order, and their terms (after those of ``termOrder``) and
    /// sections numbered as first met there, so that the same parts make the same bytes whatever
    /// builds came before.
    func write<Failure: Error>(inRuns write: (ArraySlice<UInt8>) throws(Failure) -> Void) throws(Failure) {
        let keys = parts.keys.sorted()
        let entries = keys.flatMap { parts[$0] ?? 0..<0 }
        let store = store
        try store.withContents { (contents) throws(Failure) in
            // The terms and sections the entries use, numbered as first met.
            var termNumbers = [UInt32](repeating: .max, count: terms.count)
            var usedTerms: [Int32] = []
            for term in termOrder where termNumbers[Int(term)] == .max {
                termNumbers[Int(term)] = UInt32(usedTerms.count)
                usedTerms.append(term)
            }
            var sectionNumbers = [UInt32](repeating: .max, count: store.sections.count)
            var usedSections: [Int] = []
            var textCount = 0
            var numberCount = 0
            for entry in entries {
                let record = contents.records[entry]
                if sectionNumbers[Int(record.section)] == .max {
                    sectionNumbers[Int(record.section)] = UInt32(usedSections.count)
                    usedSections.append(Int(record.section))
                }
                textCount += record.textCount
                numberCount += record.termCount
                for term in contents.terms(of: entry) where termNumbers[Int(term)] == .max {
                    termNumbers[Int(term)] = UInt32(usedTerms.count)
                    usedTerms.append(term)
                }
            }
            var output = SearchIndexParts.header
            output.reserveCapacity(SearchIndexParts.chunkSize + SearchIndexParts.chunkSize / 4)
            func passOn(whenOver size: Int) throws(Failure) {
                guard output.count >= size else { return }
                try write(output[...])
                output.removeAll(keepingCapacity: true)
            }
            output.appendNumber(UInt32(usedTerms.count))
            for term in usedTerms { output.appendNumber(UInt32(terms.withBytes(of: term) { $0.count })) }
            for term in usedTerms {
                terms.withBytes(of: term) { output.append(contentsOf: $0) }
                try passOn(whenOver: SearchIndexParts.chunkSize)
            }
            output.appendNumber(UInt32(usedSections.count))
            for section in usedSections { output.appendNumber(UInt32(store.sections[section].utf8.count)) }
            for section in usedSections { output += store.sections[section].utf8 }
            output.appendNumber(UInt32(keys.count))
            for key in keys {
                output.appendNumber(UInt32(key.utf8.count))
                output += key.utf8
                output.appendNumber(UInt32(parts[key]?.count ?? 0))
            }
            // Records and term numbers go through a quarter run's worth of numbers, reused (a
            // million numbers at a rebuild, appended one by one, cost more than the rest of the
            // writing), so that a run is at most a run and a quarter.
            let numbers = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: SearchIndexParts.chunkSize / 16)
            defer { numbers.deallocate() }
            var filled = 0
            func passOnNumbers() throws(Failure) {
                output.append(
                    contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(numbers)[..<(filled * 4)]))
                filled = 0
                try passOn(whenOver: SearchIndexParts.chunkSize)
            }
            func put(_ number: UInt32) throws(Failure) {
                if filled == numbers.count { try passOnNumbers() }
                numbers[filled] = number.littleEndian
                filled += 1
            }
            for entry in entries {
                let record = contents.records[entry]
                try put(record.titleCount)
                try put(record.detailCount)
                try put(record.repeatKeyCount)
                try put(record.searchedCount)
                try put(sectionNumbers[Int(record.section)])
                try put(record.line)
                try put(record.titleTerms)
                try put(record.detailTerms)
            }
            try passOnNumbers()
            output.appendNumber(UInt64(textCount))
            for key in keys {
                let part = parts[key] ?? 0..<0
                // A part's entries are one after another, and so is their text, unless it was
                // put together from two stores.
                if let text = contents.text(ofEntries: part) {
                    // In pieces that fill the run: a 50 MB issue's part is tens of megabytes.
                    var start = 0
                    while start < text.count {
                        let end = Swift.min(text.count, start + Swift.max(SearchIndexParts.chunkSize - output.count, 1))
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
                        try passOn(whenOver: SearchIndexParts.chunkSize)
                        start = end
                    }
                } else {
                    for entry in part { output.append(contentsOf: contents.text(of: entry)) }
                }
                try passOn(whenOver: SearchIndexParts.chunkSize)
            }
            output.appendNumber(UInt64(numberCount))
            for entry in entries {
                for term in contents.terms(of: entry) { try put(termNumbers[Int(term)]) }
            }
            try passOnNumbers()
            try passOn(whenOver: 1)
        }
    }

    /// About how many bytes each run of ``write(inRuns:)`` holds.
    static let chunkSize = 1 << 20
}

extension [UInt8] {
    /// Appends `number`, little-endian.
    fileprivate mutating func appendNumber<Number: FixedWidthInteger & UnsignedInteger>(_ number: Number) {
        var number = number.littleEndian
        Swift.withUnsafeBytes(of: &number) { append(contentsOf: $0) }
    }
}

/// Reads the fields of ``SearchIndexParts``' bytes, refusing anything out of bounds.
private struct FieldReader {
    let buffer: UnsafeRawBufferPointer
    var position: Int

    var remaining: Int { buffer.count - position }

    mutating func number<Number: FixedWidthInteger & UnsignedInteger>(_: Number.Type) -> Int? {
        let size = MemoryLayout<Number>.size
        guard remaining >= size else { return nil }
        defer { position += size }
        let value = Number(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: Number.self))
        return value <= Int.max ? Int(value) : nil
    }

    /// A count of items of at least `size` bytes each that the rest of the file can hold.
    mutating func count(ofItemsOf size: Int, wide: Bool = false) -> Int? {
        guard let count = wide ? number(UInt64.self) : number(UInt32.self), count <= remaining / size else {
            return nil
        }
        return count
    }

    mutating func bytes(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { position += count }
        return UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[position..<position + count])
    }

    /// `count` byte strings: their lengths, then their bytes.
    mutating func strings(_ count: Int) -> [UnsafeBufferPointer<UInt8>]? {
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = number(UInt32.self) else { return nil }
            lengths.append(length)
        }
        var strings: [UnsafeBufferPointer<UInt8>] = []
        strings.reserveCapacity(count)
        for length in lengths {
            guard let bytes = bytes(length) else { return nil }
            strings.append(bytes)
        }
        return strings
    }

    /// The parts `file` (the bytes read) holds.
    mutating func parts(of file: [UInt8]) -> SearchIndexParts? {
        guard let termCount = count(ofItemsOf: 4), let termBytes = strings(termCount) else { return nil }
        var terms = TermTable()
        for (number, term) in termBytes.enumerated() {
            // A term twice would give two numbers one meaning.
            guard terms.number(of: term) == Int32(number) else { return nil }
        }
        guard let sectionCount = count(ofItemsOf: 4), let sectionBytes = strings(sectionCount) else { return nil }
        let sections = sectionBytes.map { String(decoding: $0, as: UTF8.self) }
        guard Set(sections).count == sections.count else { return nil }
        guard let partCount = count(ofItemsOf: 8) else { return nil }
        var parts: [String: Range<Int>] = [:]
        var entryCount = 0
        for _ in 0..<partCount {
            guard let keyLength = number(UInt32.self), let key = bytes(keyLength),
                let count = number(UInt32.self)
            else { return nil }
            let range = entryCount..<entryCount + count
            guard parts.updateValue(range, forKey: String(decoding: key, as: UTF8.self)) == nil else { return nil }
            entryCount += count
        }
        guard entryCount <= remaining / 32 else { return nil }
        // Room for the entries a rebuild adds, so that adding them copies nothing.
        var records: [SearchEntryStore.Record] = []
        records.reserveCapacity(entryCount + entryCount / 8 + 256)
        // The entries' text is read where it is in the file, after the records and its count.
        let textOrigin = position + entryCount * 32 + 8
        var textCount = 0
        var termCountTotal = 0
        for _ in 0..<entryCount {
            let start = position
            func field(_ index: Int) -> UInt32 {
                UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: start + index * 4, as: UInt32.self))
            }
            position += 32
            let record = SearchEntryStore.Record(
                textStart: textOrigin + textCount, termsStart: termCountTotal, titleCount: field(0),
                detailCount: field(1),
                repeatKeyCount: field(2), searchedCount: field(3), section: field(4), line: field(5),
                titleTerms: field(6), detailTerms: field(7))
            guard Int(record.section) < sectionCount, record.isIndexed || record.detailTerms == 0 else { return nil }
            textCount += record.textCount
            termCountTotal += record.termCount
            records.append(record)
        }
        guard number(UInt64.self) == textCount, bytes(textCount) != nil,
            number(UInt64.self) == termCountTotal, remaining == termCountTotal * 4
        else { return nil }
        let numberOrigin = position
        var numbers: [Int32] = []
        numbers.reserveCapacity(termCountTotal + termCountTotal / 8 + 4_096)
        for index in 0..<termCountTotal {
            let number = UInt32(
                littleEndian: buffer.loadUnaligned(fromByteOffset: numberOrigin + index * 4, as: UInt32.self))
            guard number < termCount else { return nil }
            numbers.append(Int32(number))
        }
        let store = SearchEntryStore(text: file, records: records, termNumbers: numbers, sections: sections)
        return SearchIndexParts(store: store, terms: terms, parts: parts)
    }
}
