import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// A site moving from Pelican keeps every address Pelican wrote: pages move with a redirect,
/// feeds stay where they were.
@Suite("Pelican's addresses")
struct PelicanAddressesTests {
    /// The example weekly, moving from Pelican, with 24 more issues so its index has three pages
    /// of ten, as Pelican paginates it.
    private func movingSite() throws -> SiteFixture {
        let site = try SiteFixture()
        var toml = try #require(site.files.configuration)
        toml = toml.replacingOccurrences(of: "[site]\n", with: "[site]\nlegacy = \"pelican\"\n")
        try site.write(toml, to: "herald.toml")
        for number in 1...24 {
            try site.write(
                """
                Title: Quill Notes \(number)
                Number: \(number)
                Date: 2024-0\(1 + number / 10)-\(10 + number % 10)
                Authors: Ada Moss
                Tags: quill, notes

                A short issue.

                """, to: "content/notes-\(number).md")
        }
        try site.build()
        return site
    }

    @Test("Every later page of Pelican's lists redirects to the page that now lists those issues")
    func laterPagesRedirect() throws {
        let site = try movingSite()
        let files = try site.snapshot().keys
        // 29 published issues (24 notes, 5 of the example): index.html, index2.html, index3.html.
        #expect(files.contains("index2.html") && files.contains("index3.html") && !files.contains("index4.html"))
        let page = try site.read("index2.html")
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=/archive/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://this-week-in-quill.example/archive/">"#))
        #expect(try site.read("blog/archives/index.html").contains("url=/archive/"))
        for path in [
            "tags.html", "categories.html", "authors.html", "author/ada-moss.html", "author/ada-moss2.html",
            "author/ada-moss3.html", "tag/quill.html", "tag/notes2.html", "author/the-quill-community-team.html",
        ] {
            #expect(files.contains(path), "\(path) is missing")
        }
        #expect(!files.contains("author/ada-moss4.html"))
    }

    @Test("Pelican's own feeds stay, with the site's entries; the moves are also rules for hosts")
    func feedsAndRules() throws {
        let site = try movingSite()
        #expect(try site.read("feeds/all-en.atom.xml") == site.read("atom.xml"))
        #expect(try site.read("feeds/ada-moss.rss.xml") == site.read("rss.xml"))
        let rules = try site.read("_redirects")
        #expect(rules.contains("/blog/archives/ /archive/ 301\n"))
        #expect(rules.contains("/index2.html /archive/ 301\n"))
        #expect(try site.read("redirects.nginx.conf").contains(#"    "/tags.html" "/archive/";"#))
    }

    @Test("A site not moving from Pelican gets none of them")
    func onlyForPelicanSites() throws {
        let site = try SiteFixture()
        try site.build()
        #expect(!site.exists("_redirects"))
        #expect(!site.exists("blog/archives/index.html"))
        #expect(!site.exists("feeds/all-en.atom.xml"))
    }
}
