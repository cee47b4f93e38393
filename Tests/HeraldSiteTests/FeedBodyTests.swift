import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// A feed's body is written in one pass (``BodyRenderer/feedBody(of:pageURL:)``); these tests hold
/// it to the two steps it stands for: the heading anchors taken out of the text, then every link
/// of what is left made absolute.
@Suite struct FeedBodyTests {
    static let pageURL = "https://example.org/issues/45/"
    static let anchor = ##" <a class="heading-anchor" href="#news" aria-label="Link to this section">#</a>"##

    @Test func anchorsGoAndLinksBecomeAbsolute() {
        let html =
            ##"<h2 id="news">News\##(FeedBodyTests.anchor)</h2><p><a href="../44/">a</a> <a href="#news">b</a></p>"##
        #expect(
            BodyRenderer.feedBody(of: html, pageURL: FeedBodyTests.pageURL).string
                == ##"<h2 id="news">News</h2><p><a href="https://example.org/issues/44/">a</a> <a href="https://example.org/issues/45/#news">b</a></p>"##
        )
    }

    @Test func aBodyWithNothingToChangeIsItself() {
        let html = #"<p><a href="https://x.example/">x</a></p>"#
        #expect(BodyRenderer.feedBody(of: html, pageURL: FeedBodyTests.pageURL).string == html)
        #expect(BodyRenderer.feedBody(of: html, pageURL: "not a url").string == html)
    }

    /// Pieces of HTML as a renderer writes it: an anchor is whole, outside any quoted value and
    /// right before its heading's end tag, and an attribute is written whole. (Raw HTML that
    /// leaves a value or a comment open across an anchor is read differently by the two ways,
    /// and by neither as its author meant.)
    @Test("generated bodies are written as the two steps write them")
    func generatedBodiesMatchTheTwoSteps() {
        let pieces = [
            FeedBodyTests.anchor + "</h2>", FeedBodyTests.anchor + "</h3>", "</a>", "</h2>", #"<h2 id="x">"#,
            #" href="../a/""#,
            #" src="/images/x.png""#, ##" href="#top""##, #" href="https://x.example/""#, #"\#nhref="b/c""#,
            #" href="""#, #" src="mailto:a@b""#, "<!--", "-->", "<a", ">", " ", "\n", "é", "a",
        ]
        var generator = SplitMix64(seed: 45)
        for pageURL in [FeedBodyTests.pageURL, "not a url"] {
            for _ in 0..<3_000 {
                let count = Int(generator.next() % 24)
                let html = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                let twoSteps = BodyRenderer.absolutizingLinks(in: FeedBodyTests.removingAnchors(html), pageURL: pageURL)
                #expect(BodyRenderer.feedBody(of: html, pageURL: pageURL).string == twoSteps, "\(html)")
            }
        }
    }

    /// Hostile raw HTML: values and comments left open around and across anchors, quotes alone.
    /// Whatever the two ways make of it, the one pass never fails and leaves no anchor behind.
    @Test func bodiesWithValuesAndCommentsLeftOpenLoseEveryAnchor() {
        let pieces = [
            FeedBodyTests.anchor, FeedBodyTests.anchor, " href=\"", " src=\"", "=\"", "\"", "<!--", "-->", "</a>",
            "<a", ">", " ", "../a/", "#top", "é", "\u{0}",
        ]
        var generator = SplitMix64(seed: 46)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 24)
            let html = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let body = BodyRenderer.feedBody(of: html, pageURL: FeedBodyTests.pageURL).string
            #expect(!body.contains("heading-anchor"), "\(html)")
        }
    }

    /// The anchors taken out as text: from each anchor's start to the first `</a>` after it.
    static func removingAnchors(_ html: String) -> String {
        let start = ##" <a class="heading-anchor" href="#"##
        var result = ""
        var rest = html[...]
        while let anchor = rest.range(of: start), let end = rest[anchor.upperBound...].range(of: "</a>") {
            result += rest[..<anchor.lowerBound]
            rest = rest[end.upperBound...]
        }
        return result + rest
    }
}
