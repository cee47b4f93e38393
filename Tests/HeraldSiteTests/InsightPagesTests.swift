import Foundation
import HeraldCore
import Testing

@testable import HeraldSite

/// The insight pages of the Quill fixture: the archive leads to them, the quote and the
/// Lisbon meetup have their pages, each linking back to issue 45.
@Suite struct InsightPagesTests {
    @Test func theArchiveLeadsToPagesThatLinkToTheirIssues() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
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
        #expect(issue.contains(#"<a href="/insights/quotes/#anonymous">Anonymous</a>"#))
        #expect(issue.contains(#"<a href="/insights/events/lisbon-pt/">Lisbon, PT</a>"#))
        #expect(try site.read("insights/quotes/index.html").contains(#"id="anonymous""#))
        #expect(try !site.read("issues/46/index.html").contains("issue-mentions"), "a draft's names have no pages yet")
    }

    @Test func editingADraftLeavesTheInsightPagesAsTheyWere() throws {
        let site = try SiteFixture()
        try site.build(drafts: true, insights: true)
        let lisbon = try site.inode(of: "insights/events/lisbon-pt/index.html")
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
        #expect(try site.inode(of: "insights/events/lisbon-pt/index.html") == lisbon)
        #expect(try !site.read("insights/quotes/index.html").contains("Drafts are not the archive yet."))
    }

    @Test func editingAQuoteRewritesTheQuotesPageAndNoOther() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
        let file = "content/2025-04-02-this-week-in-quill.md"
        let text = try String(contentsOf: site.newsletter.appendingPathComponent(file), encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "Escaping is a kindness.", with: "Escaping is a duty."), to: file)
        let report = try site.build(insights: true)
        let insights = report.written.filter { $0.hasPrefix("insights/") }
        #expect(insights == ["insights/files.txt", "insights/quotes/index.html"])
        #expect(try site.read("insights/quotes/index.html").contains("Escaping is a duty."))
    }

    @Test func aPlaceHasACalendarOfItsUpcomingEvents() throws {
        let site = try SiteFixture()
        try site.build(insights: true)
        let page = try site.read("insights/events/lisbon-pt/index.html")
        #expect(page.contains(#"<a href="/insights/events/lisbon-pt/events.ics">calendar</a>"#))
        let ics = try site.read("insights/events/lisbon-pt/events.ics")
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.suffix(2) == ["END:VCALENDAR", ""])
        #expect(lines.contains(#"X-WR-CALNAME:This Week in Quill: events in Lisbon\, PT"#))
        #expect(lines.contains("DTSTART;VALUE=DATE:20250410"))
        #expect(lines.contains { $0.hasPrefix("SUMMARY:Parsing\\, carefully\\;") })
        #expect(lines.contains { $0.hasPrefix(" ") }, "the long title is folded")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    }

    @Test func theSparklineSpansItsYearsAndNamesTheCounts() {
        let svg = Sparkline(points: [(2020, 0), (2021, 4), (2022, 2)]).svg()
        #expect(svg.contains("points=\"2.0,30.0 80.0,2.0 158.0,16.0\""))
        #expect(svg.contains("<title>Mentions per year, 2020–2022: 2020: 0, 2021: 4, 2022: 2</title>"))
        #expect(Sparkline(points: []).svg().isEmpty)
    }
}
