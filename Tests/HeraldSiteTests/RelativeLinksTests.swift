import Foundation
import HeraldSite
import Testing

/// `herald build --relative-urls`: a site that works when opened from the disk.
@Suite("Relative links")
struct RelativeLinksTests {
    @Test("Every page's own links are relative, name a file, and lead to a file that exists")
    func everyLinkResolvesFromTheDisk() throws {
        let fixture = try SiteFixture()
        try fixture.build(drafts: true, relativeURLs: true)
        let checker = LinkChecker(output: fixture.output)
        #expect(try checker.brokenLinks() == [])
        for page in try fixture.snapshot().keys where page.hasSuffix(".html") {
            for link in LinkChecker.links(in: try fixture.read(page)) where !LinkChecker.isExternal(link) {
                #expect(!link.hasPrefix("/"), "\(page): \(link) is root-relative")
                let path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                #expect(path.isEmpty || !path.hasSuffix("/"), "\(page): \(link) opens a folder, not its page")
            }
        }
    }

    @Test("Links climb as many folders as the page is deep; anchors and other sites stay as they are")
    func depthAndSuffixes() throws {
        let fixture = try SiteFixture()
        try fixture.build(relativeURLs: true)
        let home = try fixture.read("index.html")
        #expect(home.contains(#"href="theme/style.css""#))
        #expect(home.contains(#"href="archive/index.html""#))
        let issue = try fixture.read("issues/45/index.html")
        #expect(issue.contains(#"href="../../theme/style.css""#))
        #expect(issue.contains(#"href="../../index.html""#))
        #expect(issue.contains(#"href="../../pages/about.html""#))
        #expect(issue.contains(#"href="../44/index.html""#))
        #expect(issue.contains(##"href="#upcoming-events""##))
        #expect(issue.contains(#"href="https://quill-lisboa.example/events/7""#))
    }

    @Test("A served build keeps root-relative links, so its pages are unchanged")
    func servedBuildIsUnchanged() throws {
        let fixture = try SiteFixture()
        try fixture.build()
        #expect(try fixture.read("issues/45/index.html").contains(#"href="/theme/style.css""#))
    }
}
