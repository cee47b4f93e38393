import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// A site whose `[site] language` is Chinese shows Chinese labels on every page, its search
/// script gets them too, and `[labels]` rewords one label.
struct LocalizedSiteTests {
    @Test func everyPageSpeaksTheSiteLanguage() throws {
        let site = try SiteFixture()
        let configuration = try #require(site.files.configuration)
            .replacingOccurrences(of: "language = \"en\"", with: "language = \"zh-CN\"")
        try site.write(configuration + "\n[labels]\nnext_issue = \"后一期\"\n", to: "herald.toml")
        try site.build()

        let issue = try site.read("issues/44/index.html")
        #expect(issue.contains("<span>上一期</span>"))
        #expect(issue.contains("<span>后一期</span>"))
        #expect(issue.contains(##"<a class="skip-link" href="#main-content">跳到正文</a>"##))
        #expect(issue.contains("通过订阅源关注This Week in Quill："))
        #expect(!issue.contains("Previous issue") && !issue.contains("Skip to content"))

        let archive = try site.read("archive/index.html")
        #expect(archive.contains("<h1>归档</h1>"))
        #expect(archive.contains("This Week in Quill共 5 期，最新的在前。"))

        let search = try site.read("search/index.html")
        #expect(search.contains("<label for=\"search-input\">搜索This Week in Quill的每一期</label>"))
        #expect(search.contains("data-labels=\"{&quot;full_stop&quot;:&quot;。&quot;"))
        #expect(search.contains("&quot;search_none&quot;:&quot;没有与“{query}”匹配的条目。&quot;"))

        let notFound = try site.read("404.html")
        #expect(notFound.contains("<h1>找不到页面</h1>"))
        #expect(notFound.contains(#"可能在<a href="/archive/">归档</a>中"#))
    }
}

/// The footer offers the events calendar only where the newsletter has an events section.
struct CalendarLinkTests {
    @Test func onlyANewsletterWithEventsOffersTheirCalendar() throws {
        let site = try SiteFixture()
        try site.build()
        #expect(try site.read("index.html").contains("events.ics\">calendar</a>."))
        let configuration = try #require(site.files.configuration)
            .replacingOccurrences(of: "preset = \"this-week-in-rust\"", with: "preset = \"none\"")
        try site.write(configuration, to: "herald.toml")
        try site.build()
        let home = try site.read("index.html")
        #expect(!home.contains("events.ics"))
        #expect(home.contains("JSON Feed</a>.</p>"))
    }
}
