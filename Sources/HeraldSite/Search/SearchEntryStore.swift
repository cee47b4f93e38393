import HeraldCore

/// Search entries kept flat: every entry's text in one byte array, its term numbers in one
/// number array, and a fixed-size record per entry saying where its fields are.
///
/// The index is made again whenever a published issue changes, from the part of every issue.
/// Held as ``SearchDocument`` values, the archive's fifty thousand entries were three hundred
/// thousand strings made, copied and freed at each rebuild, which cost more than all the rest of
/// the index; here they are a few arrays, read back from the parts file (``SearchIndexParts``)
/// without a string made, and written to the index's files a field's bytes at a time.
struct SearchEntryStore: Sendable {
    /// Where one entry's fields are. Its text is its title, detail, repeat key and searched detail
    /// one after another from ``textStart``; its terms are its title's then its detail's from
    /// ``termsStart``. An optional field's count is one more than its length, 0 for none.
    struct Record: Sendable {
        var textStart: Int
        var termsStart: Int
        var titleCount: UInt32
        var detailCount: UInt32
        var repeatKeyCount: UInt32
        var searchedCount: UInt32
        /// The section's number in ``sections``.
        var section: UInt32
        var line: UInt32
        /// Title terms plus one, 0 while the entry is not indexed (see ``SearchIndexPart/Entry/terms``).
        var titleTerms: UInt32
        var detailTerms: UInt32

        var isIndexed: Bool { titleTerms > 0 }
        var textCount: Int {
            Int(titleCount) + Int(detailCount) + Int(repeatKeyCount.presentLength)
                + Int(searchedCount.presentLength)
        }
        var termCount: Int { isIndexed ? Int(titleTerms) - 1 + Int(detailTerms) : 0 }
    }

    /// The bytes the text of the entries read from a parts file is in: the file itself, so
    /// that reading it copies none of its text. An entry's ``Record/textStart`` below its count
    /// is in it.
    private var readText: [UInt8] = []
    /// The text of the entries added since, one after another, from `readText.count` on.
    private var addedText: [UInt8] = []
    /// Every indexed entry's term numbers, in the ``TermTable`` the store is used with.
    private var termNumbers: [Int32] = []
    private(set) var records: [Record] = []
    /// The section titles entries name, each once.
    private(set) var sections: [String] = []
    private var sectionNumbers: [String: UInt32] = [:]

    init() {}

    /// The entries of `records`, whose text is in `text` and whose terms are `termNumbers`, of
    /// `sections`: as the parts file holds them, read.
    init(text: [UInt8], records: [Record], termNumbers: [Int32], sections: [String]) {
        readText = text
        self.records = records
        self.termNumbers = termNumbers
        self.sections = sections
        sectionNumbers = Dictionary(
            zip(sections, sections.indices.map(UInt32.init)), uniquingKeysWith: { first, _ in first })
    }

    var count: Int { records.count }

    /// Appends `document`, unindexed; returns its number.
    @discardableResult
    mutating func append(_ document: SearchDocument) -> Int {
        let start = readText.count + addedText.count
        let title = append(document.title)
        let detail = append(document.detail)
        let repeatKey = document.repeatKey.map { append($0) + 1 } ?? 0
        let searched = document.searchedDetail.map { append($0) + 1 } ?? 0
        records.append(
            Record(
                textStart: start, termsStart: termNumbers.count, titleCount: title, detailCount: detail,
                repeatKeyCount: repeatKey, searchedCount: searched, section: number(ofSection: document.section),
                line: UInt32(clamping: document.line), titleTerms: 0, detailTerms: 0))
        return records.count - 1
    }

    /// Appends the entries of `other`, and returns their numbers here.
    mutating func append(contentsOf other: SearchEntryStore) -> Range<Int> {
        let start = records.count
        let textOffset = readText.count + addedText.count
        let termsOffset = termNumbers.count
        addedText += other.readText
        addedText += other.addedText
        termNumbers += other.termNumbers
        let sections = other.sections.map { number(ofSection: $0) }
        for var record in other.records {
            record.textStart += textOffset
            record.termsStart += termsOffset
            record.section = sections[Int(record.section)]
            records.append(record)
        }
        return start..<records.count
    }

    /// Makes room for `documents`, so that appending them grows nothing.
    mutating func reserveCapacity(for documents: [SearchDocument]) {
        var text = 0
        for document in documents {
            text +=
                document.title.utf8.count + document.detail.utf8.count + (document.repeatKey?.utf8.count ?? 0)
                + (document.searchedDetail?.utf8.count ?? 0)
        }
        records.reserveCapacity(records.count + documents.count)
        addedText.reserveCapacity(addedText.count + text)
    }

    /// Makes room for `others`' entries, so that appending them copies none of these.
    mutating func reserveCapacity(adding others: some Sequence<SearchEntryStore>) {
        var added = (records: 0, text: 0, terms: 0)
        for other in others {
            added.records += other.records.count
            added.text += other.readText.count + other.addedText.count
            added.terms += other.termNumbers.count
        }
        records.reserveCapacity(records.count + added.records)
        addedText.reserveCapacity(addedText.count + added.text)
        termNumbers.reserveCapacity(termNumbers.count + added.terms)
    }

    /// Appends `field`'s bytes, cut to the most a record counts (only a text of gigabytes is).
    private mutating func append(_ field: String) -> UInt32 {
        field.withUTF8Bytes { bytes in
            let kept = UnsafeBufferPointer(rebasing: bytes.prefix(Int(UInt32.max - 1)))
            addedText.append(contentsOf: kept)
            return UInt32(kept.count)
        }
    }

    /// The number of `section`, given it now when it has none.
    mutating func number(ofSection section: String) -> UInt32 {
        if let number = sectionNumbers[section] { return number }
        let number = UInt32(sections.count)
        sections.append(section)
        sectionNumbers[section] = number
        return number
    }

    /// Gives the entry `number` its terms.
    mutating func setTerms(of number: Int, title: [Int32], detail: [Int32]) {
        records[number].termsStart = termNumbers.count
        records[number].titleTerms = UInt32(title.count + 1)
        records[number].detailTerms = UInt32(detail.count)
        termNumbers += title
        termNumbers += detail
    }

    /// Calls `body` with a view of every entry, for reading many: the store's arrays are reached
    /// once, not once per entry.
    func withContents<Result, Failure: Error>(_ body: (Contents) throws(Failure) -> Result) throws(Failure) -> Result {
        try readText.withUnsafeBufferPointer { (readText) throws(Failure) -> Result in
            try addedText.withUnsafeBufferPointer { (addedText) throws(Failure) -> Result in
                try termNumbers.withUnsafeBufferPointer { (termNumbers) throws(Failure) -> Result in
                    try records.withUnsafeBufferPointer { (records) throws(Failure) -> Result in
                        try body(
                            Contents(
                                readText: readText, addedText: addedText, termNumbers: termNumbers, records: records))
                    }
                }
            }
        }
    }

    /// Every entry's record, text and terms, valid inside ``withContents(_:)``.
    struct Contents {
        let readText: UnsafeBufferPointer<UInt8>
        let addedText: UnsafeBufferPointer<UInt8>
        let termNumbers: UnsafeBufferPointer<Int32>
        let records: UnsafeBufferPointer<Record>

        /// The entry's whole text: its fields one after another.
        func text(of number: Int) -> UnsafeBufferPointer<UInt8> {
            let record = records[number]
            let start = record.textStart
            if start < readText.count {
                return UnsafeBufferPointer(rebasing: readText[start..<start + record.textCount])
            }
            let added = start - readText.count
            return UnsafeBufferPointer(rebasing: addedText[added..<added + record.textCount])
        }

        /// The text of the entries `range`, when it is one run of bytes (entries added one after
        /// another are); `nil` when it is not.
        func text(ofEntries range: Range<Int>) -> UnsafeBufferPointer<UInt8>? {
            guard let first = range.first else { return UnsafeBufferPointer(start: nil, count: 0) }
            let start = records[first].textStart
            var end = start
            for entry in range {
                guard records[entry].textStart == end else { return nil }
                end += records[entry].textCount
            }
            let buffer = start < readText.count ? readText : addedText
            let offset = start < readText.count ? 0 : readText.count
            guard end - offset <= buffer.count, start >= offset else { return nil }
            return UnsafeBufferPointer(rebasing: buffer[start - offset..<end - offset])
        }

        /// The entry's title, detail, repeat key and searched detail (empty when it has none) and
        /// its title and detail terms (empty when not indexed).
        func fields(of number: Int) -> Fields {
            let record = records[number]
            let text = text(of: number)
            var position = 0
            func next(_ count: UInt32) -> UnsafeBufferPointer<UInt8> {
                defer { position += Int(count) }
                return UnsafeBufferPointer(rebasing: text[position..<position + Int(count)])
            }
            let title = next(record.titleCount)
            let detail = next(record.detailCount)
            let repeatKey = next(record.repeatKeyCount.presentLength)
            let searched = next(record.searchedCount.presentLength)
            let terms = record.termsStart
            let titleEnd = terms + Int(record.titleTerms.presentLength)
            return Fields(
                title: title, detail: detail, repeatKey: repeatKey, searchedDetail: searched,
                titleTerms: UnsafeBufferPointer(rebasing: termNumbers[terms..<titleEnd]),
                detailTerms: UnsafeBufferPointer(rebasing: termNumbers[titleEnd..<titleEnd + Int(record.detailTerms)]))
        }

        /// The entry's title and detail terms, one after the other (empty when not indexed).
        func terms(of number: Int) -> UnsafeBufferPointer<Int32> {
            let record = records[number]
            return UnsafeBufferPointer(rebasing: termNumbers[record.termsStart..<record.termsStart + record.termCount])
        }
    }

    /// One entry's fields as bytes, valid inside ``withContents(_:)``.
    struct Fields {
        var title: UnsafeBufferPointer<UInt8>
        var detail: UnsafeBufferPointer<UInt8>
        var repeatKey: UnsafeBufferPointer<UInt8>
        var searchedDetail: UnsafeBufferPointer<UInt8>
        var titleTerms: UnsafeBufferPointer<Int32>
        var detailTerms: UnsafeBufferPointer<Int32>
    }

    /// The entry `number` as a document, and its terms.
    func entry(_ number: Int) -> SearchIndexPart.Entry {
        let record = records[number]
        return withContents { contents in
            let fields = contents.fields(of: number)
            func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
            let document = SearchDocument(
                cleanTitle: string(fields.title), detail: string(fields.detail),
                section: sections[Int(record.section)], line: Int(record.line),
                repeatKey: record.repeatKeyCount > 0 ? string(fields.repeatKey) : nil,
                searchedDetail: record.searchedCount > 0 ? string(fields.searchedDetail) : nil)
            let terms =
                record.isIndexed
                ? SearchIndexPart.Terms(title: Array(fields.titleTerms), detail: Array(fields.detailTerms)) : nil
            return SearchIndexPart.Entry(document: document, terms: terms)
        }
    }
}

extension UInt32 {
    /// The length an optional field's count (one more than its length, 0 for none) stands for.
    var presentLength: UInt32 { self > 0 ? self - 1 : 0 }
}
