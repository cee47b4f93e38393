import Foundation
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// The small pieces the pipeline is made of, on inputs chosen to hit their edges.
@Suite struct PipelineUnitTests {
    @Test(arguments: ["\n", "\r\n"])
    func theMarkdownIsTheFilesBody(lineEnd: String) throws {
        let text = ["Title: Weekly 3", "Date: 2025-01-08", "Category: News", "", "# Hello", "", "Body text."]
            .joined(separator: lineEnd)
        let file = try IssueFile(path: "weekly.md", text: text)
        let issue = try SiteIssue(
            parsed: ParsedIssue(file, catalog: .twir), isDraft: false,
            articleURL: NewsletterConfiguration.Site.twirArticleURL)
        let blocks = Array(issue.parsed.document().root.children)
        #expect(blocks.map(\.plainText) == ["Hello", "Body text."], "the page is made from the body, not the header")
        #expect(issue.outputPath == "blog/2025/01/08/weekly-3/index.html")
        #expect(issue.categorySlug == "news")
    }

    @Test func feedDatesUseTheConfiguredZoneAndItsSummerTime() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let winter = FeedDate(try #require(IssueDate(year: 2024, month: 2, day: 7)), time: nil, timeZone: newYork)
        #expect(winter.rfc3339 == "2024-02-07T00:00:00-05:00")
        #expect(winter.rfc822 == "Wed, 07 Feb 2024 00:00:00 -0500")
        let summer = FeedDate(
            try #require(IssueDate(year: 2024, month: 7, day: 3)), time: IssueTime(hour: 9, minute: 30),
            timeZone: newYork)
        #expect(summer.rfc3339 == "2024-07-03T09:30:00-04:00")
        #expect(summer.readable == "3 July 2024")
        let kolkata = FeedDate(
            try #require(IssueDate(year: 2024, month: 7, day: 3)), time: nil,
            timeZone: try #require(TimeZone(identifier: "Asia/Kolkata")))
        #expect(kolkata.rfc3339.hasSuffix("+05:30"))
    }

    /// Dates for readers follow `[site] language`: English as Herald always wrote it, other
    /// languages in their own long form, on the issue's own day whatever the zone.
    @Test func readableDatesFollowTheSiteLanguage() throws {
        let date = FeedDate(
            try #require(IssueDate(year: 2024, month: 2, day: 7)), time: IssueTime(hour: 23, minute: 30),
            timeZone: try #require(TimeZone(identifier: "Pacific/Auckland")))
        #expect(date.readable(in: "en") == "7 February 2024")
        #expect(date.readable(in: "en-US") == "7 February 2024")
        #expect(date.readable(in: "zh-CN") == "2024年2月7日")
        #expect(date.readable(in: "de") == "7. Februar 2024")
        #expect(date.readable(in: "ja") == "2024年2月7日")
    }

    @Test func linksDropIndexHTMLAndKeepTheBasePath() throws {
        let root = SiteLinks(baseURL: "https://example.org/")
        #expect(root.link(to: "index.html") == "/")
        #expect(root.link(to: "blog/2024/x/index.html") == "/blog/2024/x/")
        #expect(root.link(to: "pages/about.html") == "/pages/about.html")
        #expect(root.absoluteURL(of: "atom.xml") == "https://example.org/atom.xml")
        let nested = SiteLinks(baseURL: "http://localhost:8000/weekly")
        #expect(nested.link(to: "archive/index.html") == "/weekly/archive/")
        #expect(nested.origin == "http://localhost:8000")
        #expect(nested.host == "localhost")
        #expect(try ContainedPath(urlPath: "/issues/4.html").rawValue == "issues/4.html")
        #expect(try ContainedPath(urlPath: "/blog/x/").rawValue == "blog/x/index.html")
    }

    @Test func headingAnchorsAreAddedAndRemovedAgain() {
        let html = BodyRenderer().render(
            markdown: "## Upcoming Events\n\n# Quote of the Week\n\nText with <h2>raw</h2>.\n")
        #expect(
            html.contains(
                ##"<h2 id="quote-of-the-week">Quote of the Week <a class="heading-anchor" href="#quote-of-the-week""##))
        #expect(
            html.contains(
                ##"<h2 id="upcoming-events">Upcoming Events <a class="heading-anchor" href="#upcoming-events""##))
        #expect(!html.contains("<h1"))
        let plain = BodyRenderer.feedBody(of: html, pageURL: "https://example.org/issues/45/").string
        #expect(plain.contains(#"<h2 id="upcoming-events">Upcoming Events</h2>"#))
        #expect(!plain.contains("heading-anchor"))
    }

    @Test func anIssueWrittenWithHashSectionsKeepsItsSubsectionsBeneathThem() {
        let html = BodyRenderer().render(markdown: "# Updates\n\n## News\n\n###### Deep\n\n# Quote of the Week\n")
        #expect(html.contains(#"<h2 id="updates">"#))
        #expect(html.contains(#"<h3 id="news">"#))
        #expect(html.contains(#"<h6 id="deep">"#))
        #expect(html.contains(#"<h2 id="quote-of-the-week">"#))
        #expect(!html.contains("<h1"))
    }

    @Test func headingIDsFollowTheSitesRule() {
        let html = BodyRenderer(headingIDStyle: .pythonMarkdown).render(
            markdown: "## CFP - Projects\n\n## Rust\n\n## Rust\n")
        #expect(html.contains(#"<h2 id="cfp-projects">"#))
        #expect(html.contains(#"<h2 id="rust_1">"#))
    }

    @Test func feedLinksBecomeAbsoluteAndCommentsAreLeftAlone() {
        let html =
            ##"<a href="../44/">a</a> <img src="/images/x.png"> <a href="#events">b</a> <!-- <a href="draft/"> --> <a href="https://x.example/">c</a>"##
        let absolute = BodyRenderer.absolutizingLinks(in: html, pageURL: "https://example.org/issues/45/")
        #expect(absolute.contains(#"href="https://example.org/issues/44/""#))
        #expect(absolute.contains(#"src="https://example.org/images/x.png""#))
        #expect(absolute.contains(##"href="https://example.org/issues/45/#events""##))
        #expect(absolute.contains(#"<!-- <a href="draft/"> -->"#))
        #expect(absolute.contains(#"href="https://x.example/""#))
    }

    @Test func markupIsEscaped() {
        #expect(MarkupEscaping.escape(#"<a & "b" 'c'>"#) == "&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;")
        #expect(MarkupEscaping.removingInvalidXMLCharacters("a\u{02}b\tc") == "ab\tc")
    }

    @Test("escaping copies the text between what it replaces byte for byte, whatever the script")
    func escapingKeepsOtherText() {
        #expect(MarkupEscaping.escape("") == "")
        #expect(MarkupEscaping.escape("&") == "&amp;")
        #expect(MarkupEscaping.escape("日本<語>é") == "日本&lt;語&gt;é")
        // A control character after a combining mark goes, and the mark stays.
        #expect(MarkupEscaping.xml("e\u{301}\u{1}'🦀\u{202E}\"") == "e\u{301}&#39;🦀&quot;")
        #expect(MarkupEscaping.removingInvalidXMLCharacters("\u{1}\u{FFFF}") == "")
        let long = String(repeating: "a<b & ü ", count: 10_000)
        #expect(MarkupEscaping.escape(long) == String(repeating: "a&lt;b &amp; ü ", count: 10_000))
        // Every character that needs a reference or is left out of XML, and their neighbours.
        var generator = SplitMix64(seed: 7)
        let characters: [Character] = [
            "&", "<", ">", "\"", "'", "!", "=", "?", "@", "\u{0}", "\t", "\n", "\r", "\u{1F}", "\u{7F}", "\u{85}",
            "\u{A0}", "’", "—", "\u{2028}", "\u{202E}", "\u{2070}", "\u{FFFE}", "\u{FFFD}", "🦀", "é", "\u{3E}\u{338}",
        ]
        let references: [Unicode.Scalar: String] = [
            "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
        ]
        func isLeftOut(_ scalar: Unicode.Scalar) -> Bool {
            scalar != "\n" && scalar != "\r"
                && (ControlCharacters.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF)
        }
        for _ in 0..<1_000 {
            let text = String(
                (0..<Int(generator.next() % 40)).map { _ in
                    characters[Int(generator.next() % UInt64(characters.count))]
                })
            let scalars = text.unicodeScalars
            let escaped = scalars.map { references[$0] ?? String($0) }.joined()
            let kept = String(String.UnicodeScalarView(scalars.filter { !isLeftOut($0) }))
            #expect(MarkupEscaping.escape(text) == escaped, "\(text.debugDescription)")
            #expect(MarkupEscaping.removingInvalidXMLCharacters(text) == kept, "\(text.debugDescription)")
            #expect(MarkupEscaping.xml(text) == MarkupEscaping.escape(kept), "\(text.debugDescription)")
        }
    }
}
