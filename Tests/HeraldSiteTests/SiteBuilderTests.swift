import Foundation
import HeraldCore
import Testing

@testable import HeraldSite

/// Builds the example newsletter and checks the site as a reader, a feed reader and a search
/// engine would meet it.
@Suite struct SiteBuilderTests {
    /// A page titled in Chinese gets a slug of its own letters, not `pages/.html`, and every
    /// link to it is percent-encoded, so the sitemap and feeds carry valid URIs.
    @Test func aPageTitledInAnotherScriptHasItsOwnAddress() throws {
        let site = try SiteFixture()
        try site.write("Title: 关于我们\nDate: 2025-01-02\n\n我们是志愿者。\n", to: "content/pages/guanyu.md")
        try site.build()
        #expect(try site.read("pages/关于我们.html").contains("我们是志愿者。"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pages/.html").path))
        let encoded = "/pages/%E5%85%B3%E4%BA%8E%E6%88%91%E4%BB%AC.html"
        #expect(try site.read("index.html").contains(#"href="\#(encoded)""#))
        #expect(try site.read("sitemap.xml").contains("https://this-week-in-quill.example\(encoded)"))
    }

    /// An issue kept as a page bundle (`index.md` with its images in a folder of its own) has
    /// its images copied beside its page, where its relative links lead.
    @Test func aPageBundlesImagesAreCopiedBesideItsPage() throws {
        let site = try SiteFixture()
        try site.write(
            "Title: This Week in Quill 47\nNumber: 47\nDate: 2025-04-16\n\n![Downloads](chart.svg)\n",
            to: "content/issue-47/index.md")
        try site.write(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#, to: "content/issue-47/chart.svg")
        try site.build()
        #expect(try site.read("issues/47/index.html").contains(#"<img src="chart.svg" alt="Downloads" />"#))
        #expect(try site.read("issues/47/chart.svg").contains("<svg"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("issues/47/index.md").path))
        // An index file beside other issues is not a bundle: their folder's files stay where they are.
        try site.write(
            "Title: This Week in Quill 48\nNumber: 48\nDate: 2025-04-23\n\nText.\n", to: "content/shared/index.md")
        try site.write(
            "Title: This Week in Quill 49\nNumber: 49\nDate: 2025-04-30\n\nText.\n", to: "content/shared/49.md")
        try site.write(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#, to: "content/shared/logo.svg")
        try site.build()
        #expect(try site.read("issues/48/index.html").contains("Text."))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("issues/48/logo.svg").path))
    }

    /// Issue 19: a shortcode written for another generator is left out of the page and its feed
    /// rather than shown as text, code that shows one keeps it, and a heading's `{#id}` is its id.
    @Test func anotherGeneratorsSyntaxIsLeftOutAndHeadingIDsAreHonoured() throws {
        let site = try SiteFixture()
        try site.write(
            """
            Title: This Week in Quill 47
            Number: 47
            Date: 2025-04-16

            ## Ink news {#ink}

            See {{< figure src="ink.png" >}} the ink.

            {% note() %}
            A note.
            {% end %}

            Code: `{{< kept >}}`

            """, to: "content/2025-04-16-ink.md")
        try site.build()
        let page = try site.read("issues/47/index.html")
        #expect(page.contains(##"<h2 id="ink">Ink news <a class="heading-anchor" href="#ink""##), "\(page)")
        #expect(!page.contains("{#ink}"))
        #expect(page.contains("See the ink."))
        #expect(!page.contains("ink.png"))
        #expect(!page.contains("{%") && !page.contains("note()"))
        #expect(page.contains(#"<p id="L10">A note.</p>"#), "lines keep their numbers")
        #expect(page.contains("<code>{{&lt; kept &gt;}}</code>"))
        #expect(!(try site.read("atom.xml")).contains("ink.png"))
    }

    @Test func pagesAreAtTheirAddresses() throws {
        let site = try SiteFixture()
        let report = try site.build()
        #expect(report.issueCount == 5)
        for path in [
            "index.html", "archive/index.html", "latest/index.html", "404.html", "robots.txt", "sitemap.xml",
            "atom.xml", "rss.xml", "feed.json", "events.ics", "theme/style.css",
            "issues/41/index.html", "issues/44/index.html", "issues/45/index.html",
            "categories/this-week-in-quill/index.html", "categories/this-week-in-quill/atom.xml",
            "categories/this-week-in-quill/rss.xml", "pages/about.html", "images/quill.svg",
        ] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(!site.exists("issues/46/index.html"), "a draft is built only with --drafts")
        let latest = try site.read("latest/index.html")
        #expect(latest.contains(#"<link rel="canonical" href="https://this-week-in-quill.example/issues/45/">"#))
        let issue44 = try site.read("issues/44/index.html")
        #expect(issue44.contains(#"rel="prev" href="/issues/43/""#))
        #expect(issue44.contains(#"rel="next" href="/issues/45/""#))
        let archive = try site.read("archive/index.html")
        for number in 41...45 {
            #expect(archive.contains(#"href="/issues/\#(number)/""#))
        }
    }

    @Test(arguments: [false, true])
    func everyInternalLinkResolves(drafts: Bool) throws {
        let site = try SiteFixture()
        try site.build(drafts: drafts)
        let broken = try LinkChecker(output: site.output).brokenLinks()
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func relativeLinksInABodyShownElsewhereStillLeadWhereTheyDid() throws {
        let site = try SiteFixture()
        try site.build()
        #expect(try site.read("issues/45/index.html").contains(#"<a href="../44/">the last issue</a>"#))
        for page in ["index.html", "latest/index.html"] {
            #expect(try site.read(page).contains(#"<a href="/issues/44/">the last issue</a>"#), "\(page)")
        }
    }

    @Test func sectionHeadingsHaveStableIDsAndAnchors() throws {
        let site = try SiteFixture()
        try site.build()
        let latest = try site.read("latest/index.html")
        #expect(
            latest.contains(
                ##"<h2 id="upcoming-events">Upcoming Events <a class="heading-anchor" href="#upcoming-events""##))
        let pageHTML = try site.read("issues/44/index.html")
        #expect(pageHTML.components(separatedBy: "<h1").count == 2, "one h1 per page")
        #expect(pageHTML.contains("<h2 id=\"editors\">Editors"), "a body's # heading becomes a section under the title")
        #expect(pageHTML.contains("<h2 id=\"updates-from-the-quill-community\">"), "## headings stay h2")
    }

    @Test func metadataIsEscaped() throws {
        let site = try SiteFixture()
        try site.build()
        let escaped = "This Week in Quill 45: &lt;Generics&gt; &amp; &quot;Quotes&quot;"
        #expect(try site.read("issues/45/index.html").contains("<h1 id=\"issue-title\">\(escaped)</h1>"))
        #expect(try site.read("archive/index.html").contains(escaped))
        for path in ["issues/45/index.html", "archive/index.html", "index.html"] {
            #expect(!(try site.read(path)).contains("<Generics>"), "\(path) has the raw title")
        }
        #expect(try site.read("atom.xml").contains("<title type=\"text\">\(escaped)</title>"))
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: site.output.appendingPathComponent("feed.json")))
        let items = try #require((json as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.first?["title"] as? String == SiteFixture.trickyTitle)
    }

    @Test func draftsAreMarkedAndKeptOutOfFeeds() throws {
        let site = try SiteFixture()
        try site.build(drafts: true)
        let draft = try site.read("issues/46/index.html")
        #expect(draft.contains(#"<meta name="robots" content="noindex">"#))
        #expect(draft.contains("class=\"draft-banner\""))
        #expect(!(try site.read("issues/45/index.html")).contains("noindex"))
        #expect(try site.read("archive/index.html").contains(#"href="/issues/46/""#))
        for feed in ["atom.xml", "rss.xml", "feed.json", "sitemap.xml"] {
            #expect(!(try site.read(feed)).contains("issues/46"), "\(feed) lists the draft")
        }
    }

    @Test func statusDraftAndHiddenAreHonoured() throws {
        let site = try SiteFixture()
        try site.write(
            "Title: Special 1\nNumber: 90\nDate: 2025-02-01\nStatus: hidden\n\nHidden.\n", to: "content/special-1.md")
        try site.write(
            "Title: Special 2\nNumber: 91\nDate: 2025-02-02\nStatus: draft\n\nNot yet.\n", to: "content/special-2.md")
        try site.build()
        #expect(site.exists("issues/90/index.html"), "a hidden issue is built")
        #expect(!(try site.read("archive/index.html")).contains("Special 1"), "but not listed")
        #expect(!(try site.read("atom.xml")).contains("Special 1"))
        #expect(!site.exists("issues/91/index.html"), "Status: draft is a draft")
        try site.build(drafts: true)
        #expect(try site.read("issues/91/index.html").contains(#"<meta name="robots" content="noindex">"#))
    }

    @Test func themeFilesOverrideTheDefaults() throws {
        let site = try SiteFixture()
        try site.write("body { color: rebeccapurple; }\n", to: "theme/style.css")
        try site.write("<h1>Lost</h1><p>{{site.title}} has no such page.</p>\n", to: "theme/404.mustache")
        try site.build()
        #expect(try site.read("theme/style.css") == "body { color: rebeccapurple; }\n")
        let notFound = try site.read("404.html")
        #expect(notFound.contains("<h1>Lost</h1><p>This Week in Quill has no such page.</p>"))
        #expect(notFound.contains("<a class=\"skip-link\""), "the default layout still wraps it")
    }

    @Test func baseURLWithAPathPrefixesEveryLink() throws {
        let site = try SiteFixture()
        let folder = try NewsletterFolder(at: site.newsletter)
        _ = try SiteBuilder(
            newsletter: folder, options: BuildOptions(output: site.output, baseURL: "https://example.org/quill/")
        ).build()
        #expect(try site.read("issues/44/index.html").contains(#"href="/quill/issues/43/""#))
        #expect(try site.read("atom.xml").contains("https://example.org/quill/issues/45/"))
        // The fixture's own root-relative links ("/pages/about.html") assume the site is at the
        // root; everything Herald writes carries the prefix.
        let broken = try LinkChecker(output: site.output, basePath: "/quill").brokenLinks()
        #expect(Set(broken.map(\.link)).isSubset(of: ["/pages/about.html", "/images/quill.svg"]), "\(broken)")
    }
}
