import Foundation
import Testing

@testable import HeraldSite

/// `search/parts.bin` gives back exactly the parts it was written from, writes the same parts as
/// the same bytes, and is refused whole when any of it is malformed.
@Suite struct SearchIndexPartsTests {
    static let parts: SearchIndexParts = {
        var plain = SearchDocument(title: "sundial", detail: "a date library", section: "Crates", line: 43)
        plain.searchedDetail = ""
        let carried = SearchDocument(
            title: "Tab\there", detail: "back\\slash", section: "Events", line: 7,
            repeatKey: "Events\u{1F}line\none\r\n\\t")
        let never = SearchDocument(title: "+plus ünïcode", section: "Jobs", line: 1, repeatKey: "")
        var table = TermTable()
        return SearchIndexParts(
            parts: [
                "00aa": SearchIndexPart(entries: [
                    .init(
                        document: plain,
                        terms: .init(
                            title: [table.number(of: "sundial")],
                            detail: [table.number(of: "date"), table.number(of: "librari")])),
                    .init(document: carried, terms: .init(title: [], detail: [])),
                    .init(document: never, terms: nil),
                ]),
                "ffee": SearchIndexPart(entries: []),
            ], terms: table)
    }()

    /// One entry with its terms as words, which compare whatever table numbered them.
    struct WordedEntry: Equatable {
        var document: SearchDocument
        var words: Words?
    }

    struct Words: Equatable {
        var title: [String]
        var detail: [String]
    }

    static func worded(_ parts: SearchIndexParts) -> [String: [WordedEntry]] {
        Dictionary(
            uniqueKeysWithValues: parts.parts.keys.map { key in
                (
                    key,
                    parts.part(key)!.entries.map { entry in
                        WordedEntry(
                            document: entry.document,
                            words: entry.terms.map {
                                .init(
                                    title: $0.title.map { parts.terms[$0] }, detail: $0.detail.map { parts.terms[$0] })
                            })
                    }
                )
            })
    }

    @Test func whatIsWrittenIsReadBack() throws {
        let bytes = SearchIndexPartsTests.parts.bytes()
        let read = try #require(SearchIndexParts(bytes: bytes))
        #expect(SearchIndexPartsTests.worded(read) == SearchIndexPartsTests.worded(SearchIndexPartsTests.parts))
        #expect(read.bytes() == bytes)
        #expect(read.part("00aa")?.entries[2].document.repeatKey == "", "an empty key is not no key")
        #expect(read.part("00aa")?.entries[0].document.searchedDetail == "")
        #expect(read.part("00aa")?.entries[1].document.searchedDetail == nil)
    }

    /// The file numbers terms and sections as its parts, in key order, first meet them: the
    /// same parts make the same bytes whatever table numbered them and whatever else the store
    /// held, so a rebuild writes what a build from nothing writes.
    @Test func theSamePartsWriteTheSameBytesWhateverTheirNumbering() throws {
        let read = try #require(SearchIndexParts(bytes: SearchIndexPartsTests.parts.bytes()))
        var other = TermTable()
        for word in ["unrelated", "librari", "zebra", "date"] { _ = other.number(of: word) }
        var renumbered: [String: SearchIndexPart] = [:]
        for key in read.parts.keys {
            var part = try #require(read.part(key))
            for index in part.entries.indices {
                guard let terms = part.entries[index].terms else { continue }
                part.entries[index].terms = .init(
                    title: terms.title.map { other.number(of: read.terms[$0]) },
                    detail: terms.detail.map { other.number(of: read.terms[$0]) })
            }
            renumbered[key] = part
        }
        // A part no longer used stays in the store but is not written.
        renumbered["0old"] = SearchIndexPart(entries: [
            .init(
                document: SearchDocument(title: "gone", section: "Gone", line: 2), terms: .init(title: [], detail: []))
        ])
        var written = SearchIndexParts(parts: renumbered, terms: other)
        written.parts["0old"] = nil
        #expect(written.bytes() == SearchIndexPartsTests.parts.bytes())
    }

    /// Terms in ``SearchIndexParts/termOrder`` are numbered first, in that order, and read back
    /// with those numbers.
    @Test func termsInTheGivenOrderComeFirst() throws {
        var parts = SearchIndexPartsTests.parts
        let order = ["sundial", "librari", "date"].map { parts.terms.existingNumber(of: $0)! }
        parts.termOrder = [order[2], order[1]]
        let read = try #require(SearchIndexParts(bytes: parts.bytes()))
        #expect(read.terms.terms == ["date", "librari", "sundial"])
        #expect(SearchIndexPartsTests.worded(read) == SearchIndexPartsTests.worded(parts))
    }

    /// Parts are many, of different lengths: each comes back in its place with its own entries,
    /// their terms numbered in one table.
    @Test func manyPartsAreReadBackEachWithItsOwnEntries() throws {
        var parts: [String: SearchIndexPart] = [:]
        var table = TermTable()
        for number in 0..<300 {
            let entries = (0..<(number % 7)).map { line in
                SearchIndexPart.Entry(
                    document: SearchDocument(title: "entry \(number).\(line)", section: "Crates", line: line + 1),
                    terms: .init(
                        title: [table.number(of: "\(number % 13)"), table.number(of: "entri")],
                        detail: [table.number(of: "\(line)")]))
            }
            parts[String(format: "%04x", number)] = SearchIndexPart(entries: entries)
        }
        let written = SearchIndexParts(parts: parts, terms: table)
        let read = try #require(SearchIndexParts(bytes: written.bytes()))
        #expect(SearchIndexPartsTests.worded(read) == SearchIndexPartsTests.worded(written))
        #expect(read.bytes() == written.bytes())
        #expect(read.terms.count == table.count, "each distinct term numbered once")
    }

    /// A parts file of megabytes is handed on in runs of about the run size, which read back as
    /// the parts.
    @Test func aLargePartsFileIsMadeInRuns() throws {
        var table = TermTable()
        let entries = (0..<30_000).map { line in
            SearchIndexPart.Entry(
                document: SearchDocument(
                    title: "entry \(line) " + String(repeating: "x", count: line % 90), section: "News", line: line + 1),
                terms: .init(title: [table.number(of: "entri")], detail: [table.number(of: "\(line % 500)")]))
        }
        let written = SearchIndexParts(parts: ["00aa": SearchIndexPart(entries: entries)], terms: table)
        let runs = written.runs()
        #expect(runs.count > 1)
        for run in runs {
            #expect(run.count < SearchIndexParts.chunkSize + 200)
        }
        let read = try #require(SearchIndexParts(bytes: Array(runs.joined())))
        #expect(SearchIndexPartsTests.worded(read) == SearchIndexPartsTests.worded(written))
    }

    /// The file of another format, or cut short anywhere, is refused.
    @Test func otherFormatsAndShortFilesAreRefused() {
        #expect(SearchIndexParts(bytes: []) == nil)
        #expect(SearchIndexParts(bytes: Array("herald-search-parts 1\npart 00aa 0\n".utf8)) == nil)
        let bytes = SearchIndexPartsTests.parts.bytes()
        for length in 0..<bytes.count {
            #expect(SearchIndexParts(bytes: Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
        #expect(SearchIndexParts(bytes: bytes + [0]) == nil, "a byte too many")
    }

    /// A number that points outside what the file holds is refused, not followed: a term or a
    /// section past the tables, an entry's text past the text, a count past the file.
    @Test func numbersOutOfRangeAreRefused() throws {
        let bytes = SearchIndexPartsTests.parts.bytes()
        let header = "herald-search-parts \(SearchIndexParts.currentFormat)\n".utf8.count
        func number(at offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        func with(_ value: UInt32, at offset: Int) -> [UInt8] {
            var changed = bytes
            for index in 0..<4 { changed[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
            return changed
        }
        // The term count, then the last term number of the file.
        #expect(number(at: header) == 3)
        #expect(SearchIndexParts(bytes: with(0xFFFF_FFFF, at: header)) == nil)
        #expect(SearchIndexParts(bytes: with(3, at: bytes.count - 4)) == nil)
        #expect(SearchIndexParts(bytes: with(2, at: bytes.count - 4)) != nil)
        // Every byte changed in turn is read or refused, never followed out of the file.
        for offset in bytes.indices {
            var changed = bytes
            changed[offset] ^= 0xFF
            if let read = SearchIndexParts(bytes: changed) {
                for key in read.parts.keys { _ = read.part(key) }
                _ = read.bytes()
            }
        }
    }

    /// A term or a section twice, or a part key twice, would give one number two meanings.
    @Test func repeatedNamesAreRefused() throws {
        var table = TermTable()
        let document = SearchDocument(title: "a", section: "Crates", line: 1)
        let parts = SearchIndexParts(
            parts: [
                "k1": SearchIndexPart(entries: [
                    .init(document: document, terms: .init(title: [table.number(of: "ab")], detail: []))
                ]),
                "k2": SearchIndexPart(entries: [
                    .init(document: document, terms: .init(title: [table.number(of: "ac")], detail: []))
                ]),
            ], terms: table)
        let bytes = parts.bytes()
        #expect(SearchIndexParts(bytes: bytes) != nil)
        func replacing(_ old: String, with new: String) -> [UInt8] {
            let (old, new) = (Array(old.utf8), Array(new.utf8))
            var changed = bytes
            let start = (0...(bytes.count - old.count)).first { Array(bytes[$0..<$0 + old.count]) == old }!
            changed.replaceSubrange(start..<start + old.count, with: new)
            return changed
        }
        #expect(SearchIndexParts(bytes: replacing("abac", with: "abab")) == nil, "a term twice")
        #expect(SearchIndexParts(bytes: replacing("k2", with: "k1")) == nil, "a key twice")
    }
}
