import HeraldCore
import Testing

/// Headings, regions, markers and labels are compared without letter case in one place, byte by
/// byte for ASCII and lower-cased otherwise.
@Suite struct CaseInsensitiveComparisonTests {
    @Test(arguments: [
        ("Europe", "EUROPE", true), ("North America", "north america", true), ("Asia", "Asia ", false),
        ("", "", true), ("a", "", false), ("Ünïcode", "üNÏCODE", true), ("straße", "STRASSE", false),
        ("Straße", "straße", true), ("[Inside]", "[inside]", true), ("@", "`", false), ("Z", "z", true),
    ])
    func textsEqualButForCase(left: String, right: String, equal: Bool) {
        #expect(left.equalsIgnoringCase(right) == equal)
        #expect(right.equalsIgnoringCase(left) == equal)
        #expect(left.equalsIgnoringCase(right) == (left.lowercased() == right.lowercased()))
    }
}
