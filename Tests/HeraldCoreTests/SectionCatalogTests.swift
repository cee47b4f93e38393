import HeraldTestSupport
import Testing

@testable import HeraldCore

/// An ASCII heading is matched from bytes; the kind must be the one the catalog's definition
/// gives: its normalised words (``SectionCatalog/words(of:)``), the longest run of them from the
/// start that some rule names, the first such rule winning.
@Suite("Section catalog")
struct SectionCatalogTests {
    private static func definition(_ heading: String, in catalog: SectionCatalog) -> SectionKind? {
        let names = catalog.rules.flatMap { rule in
            rule.names.map { (words: SectionCatalog.words(of: $0).joined(separator: " "), kind: rule.kind) }
        }
        let longest = catalog.rules.flatMap(\.names).map { SectionCatalog.words(of: $0).count }.max() ?? 0
        let words = SectionCatalog.words(of: heading)
        for count in stride(from: min(words.count, longest), to: 0, by: -1) {
            let name = words[0..<count].joined(separator: " ")
            if let match = names.first(where: { $0.words == name }) { return match.kind }
        }
        return nil
    }

    @Test("generated ASCII headings, against the catalog's definition")
    func generated() {
        let catalog = SectionCatalog.twir
        var pieces = catalog.rules.flatMap(\.names).flatMap { $0.split(separator: " ").map(String.init) }
        pieces += [" ", "  ", "&", " & ", "'", "'s", ";", ":", "-", "(", "RFC", "CALL", "of", "the", "x1", "Rust"]
        // Longer than any name, whole or joined to its neighbours: the name's room runs out.
        pieces += [String(repeating: "x", count: 120), "UpdatesFromRustCommunity"]
        var random = SplitMix64(seed: 3)
        for _ in 0..<4_000 {
            let heading = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: random.next() % 3 == 0 ? "" : " ")
            #expect(catalog.kind(ofHeading: heading) == Self.definition(heading, in: catalog), "\(heading)")
        }
        for name in catalog.rules.flatMap(\.names) {
            #expect(catalog.kind(ofHeading: name) == Self.definition(name, in: catalog), "\(name)")
            let shouted = name.uppercased() + "!"
            #expect(catalog.kind(ofHeading: shouted) == Self.definition(shouted, in: catalog), "\(shouted)")
        }
    }

    @Test("a small catalog's headings, whose names are short: the room for a name runs out early")
    func smallCatalog() {
        let catalog = SectionCatalog(rules: [
            SectionCatalog.Rule(kind: .links, names: ["A & B", "News"]),
            SectionCatalog.Rule(kind: .events, names: ["A"]),
        ])
        let pieces = [
            "a", "A", "b", "&", "and", " ", "news", "newsy", "'", "-", "x", String(repeating: "b", count: 40),
        ]
        var random = SplitMix64(seed: 11)
        for _ in 0..<4_000 {
            let heading = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: random.next() % 2 == 0 ? "" : " ")
            #expect(catalog.kind(ofHeading: heading) == Self.definition(heading, in: catalog), "\(heading)")
        }
        #expect(SectionCatalog(rules: []).kind(ofHeading: "News") == nil)
    }
}
