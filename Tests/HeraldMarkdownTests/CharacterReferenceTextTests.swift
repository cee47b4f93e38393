import Testing

@testable import HeraldMarkdown

/// Text taken out of HTML (page titles, forum posts) is decoded with the engine's own table.
@Suite struct CharacterReferenceTextTests {
    @Test(arguments: [
        ("Ferris &amp; friends&#x2019; week", "Ferris & friends’ week"),
        ("&ndash;&hellip;&nbsp;&CounterClockwiseContourIntegral;", "–…\u{A0}∳"),
        ("&#65;&#X42;&#0;", "AB\u{FFFD}"),
        ("&bogus; & &amp &#xZZ; &;", "&bogus; & &amp &#xZZ; &;"),
        ("no references", "no references"),
        ("ends with &", "ends with &"),
    ])
    func referencesAreDecodedAndTheRestKept(text: String, expected: String) {
        #expect(HTMLEntities.decodingReferences(in: text) == expected)
    }

    @Test func aSubstringIsDecodedOnItsOwn() {
        let title = "<title>R&amp;D</title>"
        let inner = title.dropFirst(7).dropLast(8)
        #expect(HTMLEntities.decodingReferences(in: inner) == "R&D")
    }
}
