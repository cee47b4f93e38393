import HeraldMarkdown
import HeraldTestSupport
import Testing

/// ``MarkdownNode/literalIsWhitespace`` answers from bytes what the characters of ``literal`` say.
@Suite("Whitespace-only literals")
struct LiteralWhitespaceTests {
    @Test("generated text nodes: byte answer equals the character definition")
    func generated() {
        let alphabet: [String] = [
            " ", "\t", "\u{0B}", "\u{0C}", "a", "\u{A0}", "\u{2003}", "\u{3000}", "\u{301}", "\u{85}", "é", "\u{1C}",
            "\u{200B}", "\u{2028}", "\u{0600}",
        ]
        var random = SplitMix64(seed: 11)
        var checked = 0
        for _ in 0..<3_000 {
            let length = 1 + Int(random.next() % 5)
            let word = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            // Inside code spans the text reaches the node as written (a space at each end aside).
            let document = MarkdownDocument(parsing: "x`` \(word) ``x", options: .gfm)
            for node in document.root.descendants where node.kind == .code {
                #expect(
                    node.literalIsWhitespace == node.literal.allSatisfy(\.isWhitespace), "\(Array(word.unicodeScalars))"
                )
                checked += 1
            }
        }
        #expect(checked > 2_000)
        let paragraph = MarkdownDocument(parsing: "text", options: .gfm).root.firstChild
        #expect(paragraph?.literalIsWhitespace == true)
    }
}
