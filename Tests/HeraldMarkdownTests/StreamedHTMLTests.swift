import HeraldMarkdown
import Testing

/// `HTMLRenderer.streamHTML` writes each top-level block as soon as it is parsed and forgets its
/// inline nodes; its pieces must add up to what the whole tree renders, whatever the piece size.
@Suite("Streamed HTML")
struct StreamedHTMLTests {
    /// Footnotes are numbered across blocks and written after the last one, wherever defined.
    static let footnoteDocuments = [
        "A note[^a] and another[^b].\n\n[^b]: Bee.\n[^a]: Ay, see[^b].\n",
        "- item with a note[^x]\n\n  [^x]: Defined in the item.\n\nAfter[^x] the list.\n",
        "> [^q]: Quoted definition\n> with two lines[^r].\n\n[^r]: Arr.\n\nUse[^q] it.\n",
        "[^dup]: First.\n[^dup]: Second, dropped.\n[^unused]: Never referenced.\n\nOnly[^dup].\n",
        "[^outer]: Outer\n\n    [^inner]: Indented inside the outer note.\n\nRef[^outer] and[^inner].\n",
        "No definitions[^none], so no footnotes.\n",
        "[^code]:\n    code in a note\n\nSee[^code], twice[^code].\n",
    ]

    /// Headings whose `{#id}` reserves an id that an earlier generated one would otherwise take.
    static let headingDocuments = [
        "# Intro\n\ntext\n\n## Intro {#intro}\n\n# Intro\n",
        "Setext\n===\n\n| a | b |\n| - | - |\n| [x] | `c` |\n\n* [ ] task\n* [x] done\n",
    ]

    @Test("pieces add up to the whole tree's HTML", arguments: footnoteDocuments + headingDocuments)
    func matchesWholeTree(markdown: String) {
        var parse = ParseOptions.gfm
        parse.extensions.insert(.headingAttributes)
        for headingIDs in [false, true] {
            let renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: headingIDs))
            let whole = renderer.render(MarkdownDocument(parsing: markdown, options: parse))
            for pieceSize in [1, 7, 1 << 16] {
                #expect(streamed(markdown, parse, renderer, pieceSize: pieceSize) == whole, "piece size \(pieceSize)")
            }
        }
    }

    @Test("a large document arrives in pieces near the size asked for")
    func largeDocumentInPieces() {
        let block = "Paragraph with *emphasis*, a [link](https://example.com) and `code`.\n\n- one\n- two\n\n"
        let markdown = String(repeating: block, count: 2_000)
        let renderer = HTMLRenderer()
        var pieces: [[UInt8]] = []
        renderer.streamHTML(parsing: Array(markdown.utf8), options: .gfm, pieceSize: 4_096) { pieces.append($0) }
        #expect(pieces.count > 30)
        // A piece is handed on once it reaches the size, so it exceeds it by at most one block.
        #expect(pieces.allSatisfy { $0.count < 4_096 + 200 })
        let whole = renderer.render(MarkdownDocument(parsing: markdown, options: .gfm))
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == whole)
    }

    @Test("empty and blank input hand on nothing")
    func emptyInput() {
        for markdown in ["", "\n\n  \n"] {
            var pieces = 0
            HTMLRenderer().streamHTML(parsing: Array(markdown.utf8), options: .gfm) { _ in pieces += 1 }
            #expect(pieces == 0)
        }
    }

    private func streamed(_ markdown: String, _ parse: ParseOptions, _ renderer: HTMLRenderer, pieceSize: Int)
        -> String
    {
        var bytes: [UInt8] = []
        renderer.streamHTML(parsing: Array(markdown.utf8), options: parse, pieceSize: pieceSize) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
