import HeraldTestSupport
import Testing

@testable import HeraldCore

/// `trimmingWhitespace` trims from bytes when both ends are ASCII, and `trimmingLeadingSeparators`
/// skips ASCII separators as bytes; each must give exactly what the characters' definition
/// (`Character.isWhitespace`, ``Separators/leading``) gives.
@Suite("Trimming whitespace")
struct TrimmingWhitespaceTests {
    private static func definition(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    @Test("generated text, strings and substrings, against the characters' definition")
    func generated() {
        let alphabet: [String] = [
            " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "a", "Z", ".", "\u{A0}", "\u{2003}", "\u{3000}",
            "\u{301}", "\u{85}", "é", "\u{1C}", "\u{200B}", "\u{2028}", "\u{0600}", "🦀",
        ]
        var random = SplitMix64(seed: 5)
        for _ in 0..<5_000 {
            let length = Int(random.next() % 7)
            let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            #expect(text.trimmingWhitespace == Self.definition(text), "\(Array(text.unicodeScalars))")
            let padded = "x" + text + "y"
            let inner = padded.dropFirst().dropLast()
            #expect(inner.trimmingWhitespace == Self.definition(String(inner)), "\(Array(text.unicodeScalars))")
        }
        #expect("  Rust 1.80  \n".trimmingWhitespace == "Rust 1.80")
        #expect(" \u{301}x ".trimmingWhitespace == Self.definition(" \u{301}x "))
        #expect(" \t\r\n ".trimmingWhitespace.isEmpty)
    }

    /// What `trimmingLeadingSeparators` must give: the characters' definition, from the first
    /// character that is neither whitespace nor a separator, trimmed.
    private static func withoutLeadingSeparators(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace && !Separators.leading.contains($0) }) else {
            return ""
        }
        return definition(String(text[first...]))
    }

    @Test("leading separators are skipped as bytes exactly as the characters' definition skips them")
    func leadingSeparators() {
        let alphabet: [String] = [
            " ", "\t", "\r\n", "\n", ".", ",", ":", ";", "-", "|", "~", "–", "—", "a", "é", "\u{301}", "\u{A0}",
            "🦀", "!",
        ]
        var random = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let length = Int(random.next() % 7)
            let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            #expect(
                text.trimmingLeadingSeparators == Self.withoutLeadingSeparators(text), "\(Array(text.unicodeScalars))")
            let inner = ("x" + text + "y").dropFirst().dropLast()
            #expect(
                inner.trimmingLeadingSeparators == Self.withoutLeadingSeparators(String(inner)),
                "\(Array(text.unicodeScalars))")
        }
        #expect(". – a note".trimmingLeadingSeparators == "a note")
        #expect(" .\u{301}x".trimmingLeadingSeparators == ".\u{301}x")
    }
}
