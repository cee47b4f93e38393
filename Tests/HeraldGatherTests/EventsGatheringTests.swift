import Foundation
import HeraldCore
import HeraldHTTP
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldGather

@Suite struct EventsGatheringTests {
    private let first = IssueDate(year: 2025, month: 7, day: 2)!
    private let last = IssueDate(year: 2025, month: 7, day: 30)!

    /// Every feature of the fixture feeds at once: folded and escaped text, TZID, UTC and
    /// all-day times, weekly and monthly rules, EXDATE, RDATE, UNTIL, COUNT, a moved and a
    /// cancelled occurrence, a broken event, duplicates across feeds.
    @Test func fixtureFeedsMakeTheEventsSectionInThisWeekInRustsFormat() async throws {
        let gatherer = EventsGatherer(loader: SourceLoader(client: WebClient()))
        let result = await gatherer.gather(
            from: [Fixture.path("community.ics"), Fixture.path("groups.ics")], from: first, through: last)
        #expect(
            result.failures.map(\.description) == [
                "\(Fixture.path("community.ics")): 1 problem in the feed; its other events are listed; "
                    + "see the warnings above, and tell the feed's publisher"
            ])
        #expect(
            result.events.section.markdown()
                == (try Fixture.text("community-events.md")).trimmingCharacters(in: .newlines))
        #expect(result.warnings.count == 2)
        #expect(result.warnings.contains { $0.message.contains("the event has no DTSTART") && $0.location?.line == 96 })
        #expect(result.warnings.contains { $0.message.contains("'QuillConf Brasil' on 2025-07-12 is listed already") })
    }

    @Test func feedsAreFetchedOverHTTPAndAFailingFeedDoesNotLoseTheOthers() async throws {
        let calendar = try Fixture.text("groups.ics")
        let server = try await FixtureServer.start { request in
            switch request.path {
            case "/groups.ics": FixtureServer.Reply(contentType: "text/calendar", calendar)
            case "/page.ics": FixtureServer.Reply(contentType: "text/html", "<!doctype html>\n<p>Not a calendar</p>")
            default: FixtureServer.Reply(status: 404, contentType: "text/plain", "not found")
            }
        }
        let gatherer = EventsGatherer(loader: SourceLoader(client: WebClient()))
        let result = await gatherer.gather(
            from: [
                server.url("/groups.ics"), server.url("/gone.ics"), server.url("/page.ics"), "/no/such/file.ics",
                "http://127.0.0.1:1/refused.ics",
            ],
            from: first, through: last)
        await server.stop()
        #expect(result.events.count == 4)
        let failures = result.failures.map(\.description)
        #expect(failures.count == 4)
        #expect(failures[0] == "\(server.url("/gone.ics")): the server answered 404; check the address")
        #expect(
            failures[1]
                == "\(server.url("/page.ics")):1:1: there is no BEGIN:VCALENDAR; "
                + "check the address is an iCalendar feed and not a web page"
        )
        #expect(failures[2] == "/no/such/file.ics: there is no such file; give a file path or an http(s) address")
        #expect(failures[3].hasPrefix("http://127.0.0.1:1/refused.ics: cannot reach"))
    }

    @Test func anOversizedSourceIsRefused() async throws {
        let loader = SourceLoader(client: WebClient(), limit: 100)
        await #expect(throws: GatherError.self) { try await loader.text(of: Fixture.path("community.ics")) }
    }

    @Test func sameOrganiserDateAndTitleIsMergedAndSameTitleElsewhereIsFlagged() {
        let day = IssueDate(year: 2025, month: 7, day: 10)!
        let events = UpcomingEvents([
            EventOccurrence(
                date: day, title: "Quill Night", url: "https://a.example/1", location: "Berlin, DE",
                organiser: "Quill Berlin", source: "a.ics", line: 3),
            EventOccurrence(
                date: day, title: "Quill  night", url: "https://b.example/9", location: "Berlin, DE",
                organiser: "quill berlin", source: "b.ics", line: 8),
            EventOccurrence(
                date: day, title: "Quill Night", url: "https://c.example/2", location: "Hamburg, DE",
                organiser: "Quill Hamburg", source: "c.ics", line: 5),
        ])
        #expect(events.count == 2)
        #expect(
            events.notes.map(\.description) == [
                "b.ics:8:1: warning: 'Quill  night' on 2025-07-10 is listed already (a.ics:3); merged",
                "c.ics:5:1: warning: 'Quill Night' on 2025-07-10 may be the same event as a.ics:3, organised by Quill Berlin; check the events section and remove one if they are the same",
            ])
    }

    @Test func titlesOfOneOrganiserOnOneDayShareAnEntryAndMarkupIsEscaped() {
        let day = IssueDate(year: 2025, month: 7, day: 10)!
        let events = UpcomingEvents([
            EventOccurrence(
                date: day, minutes: 1080, title: "Talks [part 1]", url: "https://q.example/a b", location: "Online",
                organiser: "Quill *Club*", organiserURL: "https://q.example/", source: "a.ics"),
            EventOccurrence(
                date: day, minutes: 1200, title: "Social", url: "https://q.example/s", location: "Online",
                organiser: "Quill *Club*", organiserURL: "https://q.example/", source: "a.ics"),
        ])
        #expect(
            events.section.markdown() == """
                ### Virtual
                * 2025-07-10 | Virtual | [Quill \\*Club\\*](https://q.example/)
                    * [**Talks [part 1]**](https://q.example/a%20b)
                    * [**Social**](https://q.example/s)
                """)
        #expect(events.section.markdown(groupLevel: 4).hasPrefix("#### Virtual\n"))
    }

    @Test func anEmptyWindowSaysSo() {
        #expect(UpcomingEvents([]).section.markdown() == "*No events were found in the calendars for these weeks.*")
    }
}

@Suite struct MalformedFeedGatheringTests {
    /// A feed with faults real exports have still gives its good events beside a good feed;
    /// the run fails once for it, after its warnings.
    @Test func aFeedWithBadLinesGivesItsGoodEventsAndFailsTheRun() async throws {
        let gatherer = EventsGatherer(loader: SourceLoader(client: WebClient()))
        let result = await gatherer.gather(
            from: [Fixture.path("malformed.ics"), Fixture.path("groups.ics")],
            from: IssueDate(year: 2025, month: 7, day: 1)!, through: IssueDate(year: 2025, month: 7, day: 31)!)
        let titles = Set(result.events.regions.flatMap(\.entries).flatMap(\.titles).map(\.title))
        #expect(
            titles.isSuperset(of: [
                "long-line", "empty-rule", "doubled-rule", "doubled-part", "huge-interval", "interval-beyond-counting",
                "unclosed",
            ]))
        #expect(result.feeds.map(\.source) == [Fixture.path("malformed.ics"), Fixture.path("groups.ics")])
        #expect(result.failures.map(\.source) == [Fixture.path("malformed.ics")])
        let lines = result.warnings.filter { $0.file == Fixture.path("malformed.ics") }.compactMap(\.location?.line)
        #expect(lines.sorted() == [9, 17, 25, 33, 49, 61, 64, 65, 72])
    }
}
