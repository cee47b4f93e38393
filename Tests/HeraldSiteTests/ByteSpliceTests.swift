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

    /// A long body shown away from its page is one piece, its relative links rooted as it is
    /// written, and written it is the text the rewriting makes.
    @Test func aRootedBodyIsWrittenAsItsRewrittenText() throws {
        let entry =
            "<p><a href=\"eurorust\">x</a> <a href=\"https://a.example/\">y</a> <img src=\"../img/é.png\"></p>\n"
        let body = String(repeating: entry, count: 3_000)
        let rooted = BodyRenderer.rootingRelativeLinks(
            in: body, pageURL: "https://w.example/blog/2030/01/01/x/", origin: "https://w.example")
        #expect(rooted.allPieces.count == 1)
        let expected = String(
            repeating: "<p><a href=\"/blog/2030/01/01/x/eurorust\">x</a> <a href=\"https://a.example/\">y</a> "
                + "<img src=\"/blog/2030/01/01/img/%C3%A9.png\"></p>\n", count: 3_000)
        #expect(rooted.text == expected)
        #expect(try rooted.writtenToFile() == expected)
        // A body with nothing to root is kept as it is.
        let plain = BodyRenderer.rootingRelativeLinks(
            in: "<p>plain</p>", pageURL: "https://w.example/a/", origin: "https://w.example")
        #expect(plain.allPieces == [.text("<p>plain</p>")])
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
