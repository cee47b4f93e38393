import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldSite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The feeds parse with real parsers, carry the required elements, and work away from the site.
@Suite struct FeedTests {
    /// Element paths (`feed/entry/title`) → texts, and attributes of `link` elements, from XMLParser.
    final class XMLOutline: NSObject, XMLParserDelegate {
        var texts: [String: [String]] = [:]
        var links: [[String: String]] = []
        private var stack: [String] = []
        private var text = ""

        init(parsing data: Data) throws {
            super.init()
            let parser = XMLParser(data: data)
            parser.delegate = self
            guard parser.parse() else {
                throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            stack.append(name)
            text = ""
            if name == "link" || name == "atom:link" { links.append(attributes) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[stack.joined(separator: "/"), default: []].append(text)
            stack.removeLast()
            text = ""
        }
    }

    @Test func atomHasTheRequiredElements() throws {
        let site = try SiteFixture()
        try site.build()
        let atom = try XMLOutline(parsing: Data(contentsOf: site.output.appendingPathComponent("atom.xml")))
        #expect(atom.texts["feed/title"] == ["This Week in Quill"])
        #expect(atom.texts["feed/id"]?.count == 1)
        #expect(atom.texts["feed/updated"] == ["2025-04-02T00:00:00+01:00"], "Lisbon is on summer time in April")
        #expect(atom.texts["feed/entry/title"]?.count == 5)
        #expect(atom.texts["feed/entry/id"]?.first == "https://this-week-in-quill.example/issues/45/")
        #expect(atom.texts["feed/entry/updated"]?.count == 5)
        #expect(
            atom.links.contains { $0["rel"] == "self" && $0["href"] == "https://this-week-in-quill.example/atom.xml" })
        let content = try #require(atom.texts["feed/entry/content"]?.first)
        expectAbsoluteLinks(content)
        #expect(content.contains(#"href="https://this-week-in-quill.example/pages/about.html""#))
        #expect(content.contains(#"href="https://this-week-in-quill.example/issues/44/""#))
        #expect(!content.contains("heading-anchor"))
    }

    @Test func rssHasTheRequiredElements() throws {
        let site = try SiteFixture()
        try site.build()
        let rss = try XMLOutline(parsing: Data(contentsOf: site.output.appendingPathComponent("rss.xml")))
        #expect(rss.texts["rss/channel/title"] == ["This Week in Quill"])
        #expect(rss.texts["rss/channel/link"] == ["https://this-week-in-quill.example/"])
        #expect(rss.texts["rss/channel/description"]?.count == 1)
        #expect(rss.texts["rss/channel/item/title"]?.first == SiteFixture.trickyTitle)
        #expect(rss.texts["rss/channel/item/pubDate"]?.first == "Wed, 02 Apr 2025 00:00:00 +0100")
        #expect(rss.texts["rss/channel/item/guid"]?.count == 5)
        expectAbsoluteLinks(try #require(rss.texts["rss/channel/item/description"]?.first))
    }

    @Test func jsonFeedHasTheRequiredMembers() throws {
        let site = try SiteFixture()
        try site.build()
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: site.output.appendingPathComponent("feed.json")))
        let feed = try #require(object as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "This Week in Quill")
        #expect(feed["feed_url"] as? String == "https://this-week-in-quill.example/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 5)
        for item in items {
            #expect(item["id"] is String)
            #expect(item["url"] is String)
            #expect(item["date_published"] is String)
            expectAbsoluteLinks(try #require(item["content_html"] as? String))
        }
    }

    @Test func feedItemsAreLimitedToTheConfiguredCount() throws {
        let site = try SiteFixture()
        var toml = try #require(site.files.configuration)
        toml = toml.replacingOccurrences(
            of: "[build]\n", with: "[build]\nfeed_items = 2\nsubscribe_url = \"https://lists.example/quill\"\n")
        try site.write(toml, to: "herald.toml")
        try site.build()
        let atom = try XMLOutline(parsing: Data(contentsOf: site.output.appendingPathComponent("atom.xml")))
        #expect(atom.texts["feed/entry/title"]?.count == 2)
        let category = try XMLOutline(
            parsing: Data(contentsOf: site.output.appendingPathComponent("categories/this-week-in-quill/rss.xml")))
        #expect(category.texts["rss/channel/item/title"]?.count == 2)
        // The subscribe box posts what `herald list serve` reads: the address and the honeypot.
        let home = try site.read("index.html")
        #expect(home.contains(#"<form class="subscribe-form" method="post" action="https://lists.example/quill">"#))
        #expect(home.contains(#"<input id="subscribe-email" type="email" name="email" required"#))
        #expect(home.contains(#"<input type="text" name="website" tabindex="-1" autocomplete="off">"#))
    }

    @Test func aSiteMovingFromPelicanKeepsPelicansEntryIDs() throws {
        let site = try SiteFixture()
        var toml = try #require(site.files.configuration)
        toml = toml.replacingOccurrences(of: "[site]\n", with: "[site]\nlegacy = \"pelican\"\n")
        try site.write(toml, to: "herald.toml")
        try site.build()
        // What Pelican's feed writer (feedgenerator's get_tag_uri) gives for the same page and date.
        let newest = "tag:this-week-in-quill.example,2025-04-02:/issues/45/"
        let atom = try XMLOutline(parsing: Data(contentsOf: site.output.appendingPathComponent("atom.xml")))
        #expect(atom.texts["feed/entry/id"]?.first == newest)
        let rss = try String(contentsOf: site.output.appendingPathComponent("rss.xml"), encoding: .utf8)
        #expect(rss.contains("<guid isPermaLink=\"false\">\(newest)</guid>"))
        #expect(rss.contains("<link>https://this-week-in-quill.example/issues/45/</link>"))

        toml += "\n[feeds]\nid = \"url\"\n"
        try site.write(toml, to: "herald.toml")
        try site.build()
        let byURL = try XMLOutline(parsing: Data(contentsOf: site.output.appendingPathComponent("atom.xml")))
        #expect(byURL.texts["feed/entry/id"]?.first == "https://this-week-in-quill.example/issues/45/")
    }

    private func expectAbsoluteLinks(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for link in LinkChecker.links(in: html) {
            #expect(LinkChecker.isExternal(link), "relative link \(link) in a feed", sourceLocation: sourceLocation)
        }
    }
}
