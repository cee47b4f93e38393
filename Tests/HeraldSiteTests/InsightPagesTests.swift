import Foundation
import Testing

@testable import HeraldSite

/// The insight pages of the Quill fixture: the archive leads to them, the quote and the
/// Lisbon meetup have their pages, each linking back to issue 45.
@Suite struct InsightPagesTests {
    @Test func theArchiveLeadsToPagesThatLinkToTheirIssues() throws {
        let site = try SiteFixture()
        try site.build()
        #expect(try site.read("archive/index.html").contains(#"href="/insights/""#))
        let index = try site.read("insights/index.html")
        #expect(index.contains(#"href="/insights/events/lisbon-pt/""#))
        #expect(index.contains(#"href="/insights/quotes/""#))
        let lisbon = try site.read("insights/events/lisbon-pt/index.html")
        #expect(lisbon.contains("<h1>Events in Lisbon, PT</h1>"))
        #expect(lisbon.contains(#"<a href="https://quill-lisboa.example/events/7">Parsing, carefully;"#))
        let quotes = try site.read("insights/quotes/index.html")
        #expect(quotes.contains("Escaping is a kindness."))
        #expect(quotes.contains(#"<a href="/issues/45/">"#))
        #expect(lisbon.contains(#"<a href="/issues/45/">"#))
    }

    @Test func theSparklineSpansItsYearsAndNamesTheCounts() {
        let svg = Sparkline(points: [(2020, 0), (2021, 4), (2022, 2)]).svg()
        #expect(svg.contains("points=\"2.0,30.0 80.0,2.0 158.0,16.0\""))
        #expect(svg.contains("<title>Mentions per year, 2020–2022: 2020: 0, 2021: 4, 2022: 2</title>"))
        #expect(Sparkline(points: []).svg().isEmpty)
    }
}
