import Foundation
import HeraldCore
import Testing

@testable import HeraldSite

/// The insight pages of the Quill fixture: the archive leads to them, the quote and the
/// Lisbon meetup are on their pages (the quotes, Portugal's events), each linking back to issue 45.
@Suite struct InsightPagesTests {
    @Test func theArchiveLeadsToPagesThatLinkToTheirIssues() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
        #expect(try site.read("archive/index.html").contains(#"href="/insights/""#))
        let index = try site.read("insights/index.html")
        #expect(index.contains(#"<a href="/insights/events/pt.html">PT</a>"#))
        #expect(index.contains(#"<a href="/insights/events/pt.html#lisbon-pt">Lisbon, PT</a>"#))
        #expect(index.contains(#"href="/insights/quotes.html""#))
        let lisbon = try site.read("insights/events/pt.html")
        #expect(lisbon.contains("<h1>Events in PT</h1>"))
        #expect(lisbon.contains(#"<section class="place" id="lisbon-pt">"#))
        #expect(lisbon.contains(#"<a href="https://quill-lisboa.example/events/7">Parsing, carefully;"#))
        let quotes = try site.read("insights/quotes.html")
        #expect(quotes.contains("Escaping is a kindness."))
        #expect(quotes.contains(#"<a href="/issues/45/">"#))
        #expect(lisbon.contains(#"<a href="/issues/45/">"#))
    }

    /// Without insights (This Week in Rust's defaults, or `--no-insights`) the site is as it
    /// was: no insight pages, no link to them, no note under an issue; the example weekly turns
    /// them on in its herald.toml.
    @Test func insightsAreBuiltOnlyWhenAsked() throws {
        #expect(NewsletterConfiguration.twir.build.insights == false)
        let site = try SiteFixture()
        try site.build(insights: false)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("insights").path))
        #expect(try !site.read("archive/index.html").contains("/insights/"))
        #expect(try !site.read("issues/45/index.html").contains("issue-mentions"))
        try site.build()
        #expect(try site.read("issues/45/index.html").contains("issue-mentions"))
        try site.build(insights: false)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("insights").path))
    }

    @Test func anIssueLinksWhatItNamesToItsInsightPages() throws {
        let site = try SiteFixture()
        try site.build(drafts: true, insights: true)
        let issue = try site.read("issues/45/index.html")
        #expect(issue.contains(#"<aside class="issue-mentions""#))
        #expect(issue.contains(#"<a href="/insights/quotes.html#anonymous">Anonymous</a>"#))
        #expect(issue.contains(#"<a href="/insights/events/pt.html#lisbon-pt">Lisbon, PT</a>"#))
        #expect(try site.read("insights/quotes.html").contains(#"id="anonymous""#))
        #expect(try !site.read("issues/46/index.html").contains("issue-mentions"), "a draft's names have no pages yet")
    }

    @Test func editingADraftLeavesTheInsightPagesAsTheyWere() throws {
        let site = try SiteFixture()
        try site.build(drafts: true, insights: true)
        let lisbon = try site.inode(of: "insights/events/pt.html")
        try site.write(
            """
            Title: This Week in Quill 46
            Number: 46
            Date: 2025-04-09

            A draft that now quotes someone.

            ## Quote of the Week

            > Drafts are not the archive yet.

            """, to: "draft/2025-04-09-this-week-in-quill.md")
        let report = try site.build(drafts: true, insights: true)
        #expect(!report.written.contains { $0.hasPrefix("insights/") })
        #expect(try site.inode(of: "insights/events/pt.html") == lisbon)
        #expect(try !site.read("insights/quotes.html").contains("Drafts are not the archive yet."))
    }

    @Test func editingAQuoteRewritesTheQuotesPageAndNoOther() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
        let file = "content/2025-04-02-this-week-in-quill.md"
        let text = try String(contentsOf: site.newsletter.appendingPathComponent(file), encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "Escaping is a kindness.", with: "Escaping is a duty."), to: file)
        let report = try site.build(insights: true)
        let insights = report.written.filter { $0.hasPrefix("insights/") }
        #expect(insights == ["insights/files.txt", "insights/quotes.html"])
        #expect(try site.read("insights/quotes.html").contains("Escaping is a duty."))
    }

    @Test func aRegionHasACalendarOfItsUpcomingEvents() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
        let page = try site.read("insights/events/pt.html")
        #expect(page.contains(#"<a href="/insights/events/pt.ics">calendar</a>"#))
        let ics = try site.read("insights/events/pt.ics")
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.suffix(2) == ["END:VCALENDAR", ""])
        #expect(lines.contains(#"X-WR-CALNAME:This Week in Quill: events in PT"#))
        #expect(lines.contains("DTSTART;VALUE=DATE:20250410"))
        #expect(lines.contains { $0.hasPrefix("SUMMARY:Parsing\\, carefully\\;") })
        #expect(lines.contains { $0.hasPrefix(" ") }, "the long title is folded")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    }

    /// Each page is a file, not a folder: a crate, a region, the quotes and the people, whose
    /// links from an issue lead to an anchor on the shared page.
    @Test func thePagesAreFilesAndThePeopleShareOne() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("insights").path
        ).filter { !$0.contains(".") }
        #expect(folders.sorted() == ["crates", "events"])
        let crate = try site.read("insights/crates/sundial.html")
        #expect(crate.contains("<h1>sundial</h1>"))
        let people = try site.read("insights/people.html")
        let issue = try site.read("issues/44/index.html")
        for name in ["amos-ferreira", "ilse-vermeer", "marisol", "tobenna", "ilse"] {
            #expect(issue.contains(#"href="/insights/people.html#\#(name)""#), "\(name)")
            #expect(people.contains(#"<section class="person" id="\#(name)">"#), "\(name)")
        }
        #expect(try site.read("insights/index.html").contains(#"<a href="/insights/people.html#ilse">ilse</a>"#))
    }

    /// A place's region is the code its slug ends in, so an issue that writes the place another
    /// way (`Minneapolis, MN US`) still links to the page the place is on.
    @Test func aPlacesRegionIsTheCodeItsSlugEndsIn() throws {
        #expect(PlaceRegion.slug(ofPlace: "austin-tx-us") == "us")
        #expect(PlaceRegion.slug(ofPlace: Insights.slug("Minneapolis, MN US")) == "us")
        #expect(PlaceRegion.slug(ofPlace: "virtual") == "virtual")
        #expect(PlaceRegion.slug(ofPlace: "rome-italy") == "rome-italy")
        #expect(PlaceRegion.slug(ofPlace: "san-francisco") == "san-francisco")
        let places = try ["Berlin, DE", "Munich, DE", "Virtual", "San Francisco"].map { name in
            let json = #"{"name": "\#(name)", "slug": "\#(Insights.slug(name))", "events": []}"#
            return try JSONDecoder().decode(PlaceInsight.self, from: Data(json.utf8))
        }
        let regions = PlaceRegion.regions(of: places)
        #expect(regions.map(\.slug) == ["de", "san-francisco", "virtual"])
        #expect(regions.map(\.name) == ["DE", "San Francisco", "Virtual"])
        #expect(regions[0].places.map(\.name) == ["Berlin, DE", "Munich, DE"])
    }

    @Test func theSparklineSpansItsYearsAndNamesTheCounts() {
        let svg = Sparkline(points: [(2020, 0), (2021, 4), (2022, 2)]).svg()
        #expect(svg.contains("points=\"2.0,30.0 80.0,2.0 158.0,16.0\""))
        #expect(svg.contains("<title>Mentions per year, 2020–2022: 2020: 0, 2021: 4, 2022: 2</title>"))
        #expect(Sparkline(points: []).svg().isEmpty)
    }
}
