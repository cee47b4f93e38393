import Foundation
import Testing

@testable import HeraldSite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An issue whose header carries control characters still makes well-formed feeds.
@Suite struct ControlCharacterFeedTests {
    @Test("U+0001 in a Title, a C1 control and a bidi override leave atom.xml, rss.xml and the sitemap well-formed")
    func controlCharactersInATitle() throws {
        let site = try SiteFixture()
        try site.write(
            """
            Title: This Week in Quill 45\u{1} with \u{202E}bidi\u{85} and \u{0B}more
            Number: 45
            Date: 2025-04-02
            Summary: A summary with a bell\u{7}

            Body with a control \u{2} character.

            """, to: "content/2025-04-02-this-week-in-quill.md")
        try site.build()
        for feed in ["atom.xml", "rss.xml", "sitemap.xml"] {
            let data = try Data(contentsOf: site.output.appendingPathComponent(feed))
            let outline = try FeedTests.XMLOutline(parsing: data)
            #expect(!outline.texts.isEmpty, "\(feed) parses")
        }
        let atom = try FeedTests.XMLOutline(parsing: Data(contentsOf: site.output.appendingPathComponent("atom.xml")))
        #expect(atom.texts["feed/entry/title"]?.first == "This Week in Quill 45 with bidi and more")
    }

    @Test("the XML escaper keeps line ends and tabs and drops what XML 1.0 forbids")
    func escaper() {
        #expect(MarkupEscaping.xml("a\u{1}b\tc\nd\u{FFFE}<&>") == "ab\tc\nd&lt;&amp;&gt;")
    }
}
