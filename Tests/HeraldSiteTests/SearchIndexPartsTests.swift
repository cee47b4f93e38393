import Foundation
import Testing

@testable import HeraldSite

/// `search/parts.txt` gives back exactly the parts it was written from, and is refused whole
/// when any of it is malformed.
@Suite struct SearchIndexPartsTests {
    static let parts: SearchIndexParts = {
        var plain = SearchDocument(title: "sundial", detail: "a date library", section: "Crates", line: 43)
        plain.searchedDetail = ""
        let carried = SearchDocument(
            title: "Tab\there", detail: "back\\slash", section: "Events", line: 7,
            repeatKey: "Events\u{1F}line\none\r\n\\t")
        let never = SearchDocument(title: "+plus", section: "Jobs", line: 1, repeatKey: "")
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
        parts.parts.mapValues { part in
            part.entries.map { entry in
                WordedEntry(
                    document: entry.document,
                    words: entry.terms.map {
                        .init(title: $0.title.map { parts.terms[$0] }, detail: $0.detail.map { parts.terms[$0] })
                    })
            }
        }
    }

    @Test func whatIsWrittenIsReadBack() throws {
        let text = SearchIndexPartsTests.parts.text()
        let read = try #require(SearchIndexParts(text: text))
        #expect(SearchIndexPartsTests.worded(read) == SearchIndexPartsTests.worded(SearchIndexPartsTests.parts))
        #expect(read.text() == text)
        #expect(text.split(separator: "\n").count == 6, "one line per entry and per part, tabs and line ends escaped")
    }

    @Test func partsCarriedOverWriteTheSameBytesAsPartsMadeAgain() throws {
        let read = try #require(SearchIndexParts(text: SearchIndexPartsTests.parts.text()))
        var parts = read.parts
        var table = read.terms
        // One part unchanged, one given the terms its never-indexed entry lacked, one new.
        parts["00aa"]?.entries[2].terms = .init(title: [table.number(of: "plu")], detail: [])
        parts["0bbb"] = SearchIndexPart(entries: [
            .init(document: SearchDocument(title: "new", section: "Crates", line: 2), terms: nil)
        ])
        let carried = SearchIndexParts(parts: parts, terms: table, carryingLinesFrom: read)
        let madeAgain = SearchIndexParts(parts: parts, terms: table)
        #expect(carried.text() == madeAgain.text())
        #expect(carried.text().contains("\tplu\t"))
        let readAgain = try #require(SearchIndexParts(text: carried.text()))
        #expect(SearchIndexPartsTests.worded(readAgain) == SearchIndexPartsTests.worded(carried))
    }

    /// A part whose numbers are in another table than the one it is written with is written
    /// from its words, not from the lines the other table numbered.
    @Test func linesAreNotCarriedAcrossTables() throws {
        let read = try #require(SearchIndexParts(text: SearchIndexPartsTests.parts.text()))
        var other = TermTable()
        _ = other.number(of: "unrelated")
        for term in read.terms.terms { _ = other.number(of: term) }
        var parts = read.parts
        for key in parts.keys {
            for index in parts[key]!.entries.indices {
                guard let terms = parts[key]!.entries[index].terms else { continue }
                parts[key]!.entries[index].terms = .init(
                    title: terms.title.map { other.existingNumber(of: read.terms[$0])! },
                    detail: terms.detail.map { other.existingNumber(of: read.terms[$0])! })
            }
        }
        let written = SearchIndexParts(parts: parts, terms: other, carryingLinesFrom: read)
        #expect(written.text() == SearchIndexPartsTests.parts.text())
    }

    /// Parts are read on every core: many of them, of different lengths, come back each in its
    /// place with its own entries, their terms numbered in one table.
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

    /// A parts file of megabytes is made in runs that end at line ends, none much over the run
    /// size, which read back as the parts; a part carried from the last build is a run of its own.
    @Test func aLargePartsFileIsMadeInRunsOfWholeLines() throws {
        var table = TermTable()
        let entries = (0..<30_000).map { line in
            SearchIndexPart.Entry(
                document: SearchDocument(
                    title: "entry \(line) " + String(repeating: "x", count: line % 90), section: "News", line: line + 1),
                terms: .init(title: [table.number(of: "entri")], detail: [table.number(of: "\(line % 500)")]))
        }
        let written = SearchIndexParts(parts: ["00aa": SearchIndexPart(entries: entries)], terms: table)
        let chunks = written.runs()
        #expect(chunks.count > 1)
        for chunk in chunks.dropLast() {
            #expect(chunk.last == 0x0A)
            #expect(chunk.count < SearchIndexParts.chunkSize + 200)
        }
        let read = try #require(SearchIndexParts(bytes: Array(chunks.joined())))
        #expect(SearchIndexPartsTests.worded(read) == SearchIndexPartsTests.worded(written))
        let carried = read.runs()
        #expect(carried.count == 2, "the header, then the part as it was read")
        #expect(Array(carried.joined()) == Array(chunks.joined()))
    }

    @Test(arguments: [
        "",
        "herald-search-parts 0\n",
        "herald-search-parts 1\npart 00aa\n",
        "herald-search-parts 1\npart 00aa 2\nsundial\t\tCrates\t43\t\t\t\t\n",
        "herald-search-parts 1\npart 00aa 1\nsundial\t\tCrates\tforty\t\t\t\t\n",
        "herald-search-parts 1\npart 00aa 1\nsundial\t\tCrates\t43\t\t\t?\tdate\n",
        "herald-search-parts 1\npart 00aa 1\nsundial\t\tCrates\t43\tkey\t\t\t\n",
        "herald-search-parts 1\npart 00aa 1\nsundial\t\tCrates\t43\t\t\t\n",
        "herald-search-parts 1\npart 00aa -1\n",
        "herald-search-parts 1\npart 00aa 1\nsundial\t\tCrates\t43\t\t\t\t\npart 00bb 1\nbad\n",
        "herald-search-parts 1\npart 00aa 1\nsundial\t\tCrates\t43\t\t\t\t\npart 00bb\n",
    ])
    func malformedFilesAreRefused(_ text: String) {
        #expect(SearchIndexParts(text: text) == nil)
    }
}
