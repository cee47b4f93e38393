import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// The pieces the index's files are made with: gzip compression and the entry anchors on pages.
@Suite struct SearchFilesTests {
    @Test(arguments: ["", "a", "abcabcabcabcabcabcabcabc", String(repeating: "rust-analyzer 0.3\t", count: 5_000)])
    func gzipOutputInflatesToTheInput(_ text: String) throws {
        let input = Array(text.utf8)
        let compressed = Gzip.compress(input)
        #expect(compressed.prefix(3) == [0x1F, 0x8B, 8])
        #expect(try SearchFilesTests.gunzip(compressed) == input)
        if input.count > 1_000 {
            #expect(compressed.count < input.count / 10)
        }
    }

    @Test func gzipHandlesEveryByteAndLongDistances() throws {
        var generator = SystemRandomNumberGenerator()
        var input = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        input += input.prefix(40_000)
        #expect(try SearchFilesTests.gunzip(Gzip.compress(input)) == input)
        #expect(Gzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func blocksGetTheirFileLineAsId() {
        let markdown = """
            Intro paragraph.

            * [A link](https://example.org/a)
            * [Another](https://example.org/b)
                * nested item

            > A quote
            > on two lines.

            <ul><li>raw HTML item</li></ul>

            1. loose item

            2. second loose item

            Closing paragraph.

            ```swift
            code
            ```
            """
        let html = SearchFilesTests.anchored(markdown, lineOffset: 4)
        #expect(html.contains(#"<p id="L5">Intro paragraph.</p>"#))
        #expect(html.contains(#"<li id="L7"><a href="https://example.org/a">A link</a></li>"#))
        #expect(html.contains(#"<li id="L8"><a href="https://example.org/b">Another</a>"#))
        #expect(html.contains(#"<li id="L9">nested item</li>"#))
        #expect(html.contains(#"<blockquote id="L11">"#))
        #expect(html.contains("<p>A quote"), "the quote's paragraph starts on the quote's line, which has its id")
        #expect(html.contains("<ul><li>raw HTML item</li></ul>"), "raw HTML is left as written")
        #expect(html.contains(#"<li id="L16">"#))
        #expect(html.contains(#"<li id="L18">"#))
        #expect(html.contains("<p>second loose item</p>"))
        #expect(html.contains(#"<p id="L20">Closing paragraph.</p>"#))
        #expect(html.contains(#"<pre id="L22"><code class="language-swift">code"#))
    }

    @Test("a footnote's paragraph, moved to the end, keeps the id of its own line")
    func footnoteParagraphs() {
        let markdown = "Intro[^1] paragraph.\n\n[^1]: The note.\n\nClosing paragraph.\n"
        let html = SearchFilesTests.anchored(markdown, lineOffset: 4)
        #expect(html.contains(#"<p id="L5">Intro"#))
        #expect(html.contains(#"<p id="L9">Closing paragraph.</p>"#))
        #expect(html.contains(#"<p id="L7">The note."#))
        #expect(html.components(separatedBy: #"id="L"#).count == 4, "one id a block")
    }

    @Test func aBodyWhoseTagsCannotBeMatchedIsLeftAlone() {
        let document = MarkdownDocument(parsing: "* one\n* two\n", options: .gfm)
        let html = Array("<ul>\n<li>one</li>\n</ul>\n".utf8)
        let insertions = html.withUnsafeBufferPointer {
            EntryAnchors.insertions(in: $0, document: document, lineOffset: 0)
        }
        #expect(insertions.isEmpty)
    }

    @Test func theMarkdownCommandsOutputHasNoAnchors() {
        let document = MarkdownDocument(parsing: "* one\n", options: .gfm)
        #expect(HTMLRenderer().render(document) == "<ul>\n<li>one</li>\n</ul>\n")
    }

    // MARK: Helpers

    static func anchored(_ markdown: String, lineOffset: Int) -> String {
        BodyRenderer().render(
            document: MarkdownDocument(parsing: markdown, options: .gfm), firstLine: lineOffset + 1)
    }

    /// `bytes` inflated by the system's `gzip`, which checks the CRC and the length too.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let compressed = folder.appendingPathComponent("data.gz")
        try Data(bytes).write(to: compressed)
        let result = try TestProcess.run(program: "gzip", ["-dc", compressed.path])
        try #require(result.status == 0, "gzip rejected the stream: \(result.standardError)")
        return Array(result.standardOutputData)
    }
}
