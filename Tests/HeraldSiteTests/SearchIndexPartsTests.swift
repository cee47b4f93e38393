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
        return SearchIndexParts(parts: [
            "00aa": SearchIndexPart(entries: [
                .init(document: plain, terms: .init(title: ["sundial"], detail: ["date", "librari"])),
                .init(document: carried, terms: .init(title: [], detail: [])),
                .init(document: never, terms: nil),
            ]),
            "ffee": SearchIndexPart(entries: []),
        ])
    }()

    @Test func whatIsWrittenIsReadBack() throws {
        let text = SearchIndexPartsTests.parts.text()
        let read = try #require(SearchIndexParts(text: text))
        #expect(read.parts == SearchIndexPartsTests.parts.parts)
        #expect(read.text() == text)
        #expect(text.split(separator: "\n").count == 6, "one line per entry and per part, tabs and line ends escaped")
    }

    @Test func partsCarriedOverWriteTheSameBytesAsPartsMadeAgain() throws {
        let read = try #require(SearchIndexParts(text: SearchIndexPartsTests.parts.text()))
        var parts = read.parts
        // One part unchanged, one given the terms its never-indexed entry lacked, one new.
        parts["00aa"]?.entries[2].terms = .init(title: ["plu"], detail: [])
        parts["0bbb"] = SearchIndexPart(entries: [
            .init(document: SearchDocument(title: "new", section: "Crates", line: 2), terms: nil)
        ])
        let carried = SearchIndexParts(parts: parts, carryingLinesFrom: read)
        let madeAgain = SearchIndexParts(parts: parts)
        #expect(carried.text() == madeAgain.text())
        #expect(carried.text().contains("\tplu\t"))
        #expect(try #require(SearchIndexParts(text: carried.text())).parts == parts)
    }

    /// Parts are read on every core: many of them, of different lengths, come back each in its
    /// place with its own entries.
    @Test func manyPartsAreReadBackEachWithItsOwnEntries() throws {
        var parts: [String: SearchIndexPart] = [:]
        for number in 0..<300 {
            let entries = (0..<(number % 7)).map { line in
                SearchIndexPart.Entry(
                    document: SearchDocument(title: "entry \(number).\(line)", section: "Crates", line: line + 1),
                    terms: .init(title: ["entri", "\(number)"], detail: []))
            }
            parts[String(format: "%04x", number)] = SearchIndexPart(entries: entries)
        }
        let written = SearchIndexParts(parts: parts)
        let read = try #require(SearchIndexParts(bytes: written.bytes()))
        #expect(read.parts == parts)
        #expect(read.bytes() == written.bytes())
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
