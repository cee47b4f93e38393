import Foundation
import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldSite

/// The feeds and the sitemap are rendered from the theme's templates, which a newsletter
/// replaces from `theme/` like a page's.
@Suite struct FeedTemplateTests {
    @Test func themeFeedTemplatesReplaceTheBuiltInOnes() throws {
        let site = try SiteFixture()
        try site.write(
            "<rss>{{#entries}}<item>{{{title}}} {{{pubDate}}}</item>{{/entries}}</rss>\n", to: "theme/rss.mustache")
        try site.write("<feed>{{{title}}} {{{updated}}}</feed>\n", to: "theme/atom.mustache")
        try site.build()
        let rss = try site.read("rss.xml")
        #expect(rss.hasPrefix("<rss><item>"), "\(rss.prefix(200))")
        #expect(rss.hasSuffix("</item></rss>\n"))
        #expect(try site.read("atom.xml") == "<feed>This Week in Quill 2025-04-02T00:00:00+01:00</feed>\n")
        let categoryFeeds = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("categories").path)
        let category = try #require(categoryFeeds.first)
        #expect(try site.read("categories/\(category)/atom.xml").hasPrefix("<feed>This Week in Quill: "))
        #expect(try site.read("feed.json").hasPrefix("{\n  \"authors\" : ["), "the JSON feed keeps the built-in")
    }

    @Test func feedValuesArriveEscapedForTheirFormat() throws {
        let site = try SiteFixture()
        try site.write("{{#entries}}{{{title}}}|{{/entries}}\n", to: "theme/atom.mustache")
        try site.write("{{#entries}}{{{title}}}|{{/entries}}\n", to: "theme/feed.json.mustache")
        try site.write(
            "Title: Quotes \"&\" <tags>\nNumber: 48\nDate: 2025-04-16\n\nText.\n", to: "content/2025-04-16-escapes.md")
        try site.build()
        #expect(try site.read("atom.xml").hasPrefix("Quotes &quot;&amp;&quot; &lt;tags&gt;|"))
        #expect(try site.read("feed.json").hasPrefix(#""Quotes \"&\" <tags>"|"#))
    }

    @Test func aBrokenFeedTemplateStopsTheBuildWithItsFileLineAndColumn() throws {
        let site = try SiteFixture()
        try site.write("<rss>\n<channel>{{#entries}}{{/items}}\n</rss>\n", to: "theme/rss.mustache")
        let error = #expect(throws: HeraldError.self) { try site.build() }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .invalidTemplate)
        #expect(problem.file?.hasSuffix("theme/rss.mustache") == true)
        // At the start of the mismatched `{{/items}}`.
        #expect(problem.location == SourceLocation(line: 2, column: 22))
    }

    @Test func theSitemapComesFromItsTemplate() throws {
        let site = try SiteFixture()
        try site.write("{{#urls}}{{{loc}}} {{{lastModified}}}\n{{/urls}}", to: "theme/sitemap.mustache")
        try site.build()
        let lines = try site.read("sitemap.xml").split(separator: "\n")
        #expect(lines.first == "https://this-week-in-quill.example/ 2025-04-02")
    }
}
