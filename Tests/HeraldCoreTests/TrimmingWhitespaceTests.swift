import HeraldTestSupport
import Testing

@testable import HeraldCore

/// `trimmingWhitespace` trims from bytes when both ends are ASCII; it must trim exactly what the
/// characters' definition (`Character.isWhitespace` at each end) trims.
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
}
