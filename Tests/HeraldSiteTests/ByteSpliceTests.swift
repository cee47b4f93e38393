import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldSite

/// A body rewritten at its final size is the text the runs and insertions spell, and a
/// document handed to the render is taken once.
@Suite struct ByteSpliceTests {
    @Test func runsAndInsertionsMakeTheTextInOrder() {
        var source = "<p>crème <a href=\"a\">brûlée</a></p>"
        let spliced = source.withUTF8 { bytes in
            var splice = ByteSplice()
            // `<p>crème <a href="` is 19 bytes; the 20th is the `a` replaced.
            splice.keep(0..<19)
            splice.insert("https://x.example/🦀")
            splice.keep(20..<20)
            splice.insert("")
            splice.keep(20..<bytes.count)
            return splice.string(from: bytes)
        }
        #expect(spliced == "<p>crème <a href=\"https://x.example/🦀\">brûlée</a></p>")
        #expect(source.withUTF8 { ByteSplice().string(from: $0) }.isEmpty)
    }

    @Test func aHandedDocumentRendersAsItselfAndIsTakenOnce() {
        let document = MarkdownDocument(parsing: "# Title\n\n* [a](https://a.example/)\n", options: .issue)
        let renderer = BodyRenderer()
        let handoff = DocumentHandoff(document)
        #expect(renderer.render(taking: handoff, firstLine: 3) == renderer.render(document: document, firstLine: 3))
        #expect(handoff.take() == nil)
        #expect(renderer.render(taking: handoff).isEmpty)
    }
}
