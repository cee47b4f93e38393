import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldGather

/// Feeds in the shape of each service organisers publish from: Google's `VTIMEZONE`
/// copies and UTC single events, Exchange's Windows zone names and `X-MICROSOFT-CDO-*`, Meetup's
/// long unfolded descriptions, Luma's UTC times and quoted `CN`, Confluence's and Outlook's
/// unfolded pasted text, Zimbra's display-name zones in quoted `TZID`s, Fastmail's moved
/// occurrences, Thunderbird's `/mozilla.org/` zone prefixes and `RDATE`s.
///
/// No real export could be shipped under a licence, so the project wrote these
/// (`Fixtures/services`); each event carries the occurrences it must give, as in
/// ``CalendarFixtureTests``.
@Suite struct ServiceFeedTests {
    struct Service: CustomTestStringConvertible, Sendable {
        var file: String
        var calendarName: String?
        /// The lines the feed's faults are reported at.
        var problemLines: [Int] = []
        var testDescription: String { file }
    }

    static let services = [
        Service(file: "google.ics", calendarName: "Rust Community Calendar"),
        Service(file: "outlook.ics", calendarName: "Rust Organisers", problemLines: [94]),
        Service(file: "meetup.ics", calendarName: "Events - Rust Dallas"),
        Service(file: "luma.ics", calendarName: "Rust NYC"),
        Service(file: "confluence.ics", calendarName: "Rust Guild", problemLines: [38]),
        Service(file: "zimbra.ics", calendarName: "Rust Study Group"),
        Service(file: "fastmail.ics", calendarName: "Rust London"),
        Service(file: "thunderbird.ics", calendarName: nil),
    ]

    static func feed(_ file: String) throws -> CalendarFeed {
        try CalendarFeed(text: try Fixture.text("services/" + file), source: file)
    }

    @Test(arguments: services)
    func everyEventGivesTheOccurrencesItsFeedExpects(_ service: Service) throws {
        let feed = try Self.feed(service.file)
        #expect(feed.name == service.calendarName)
        #expect(feed.warnings.map { $0.location?.line } == service.problemLines)
        let expectations = try CalendarFixtureTests.expectations(in: "services/" + service.file)
        #expect(expectations.count >= 2)
        for expectation in expectations {
            let found = CalendarFixtureTests.occurrences(in: feed, for: expectation)
            #expect(found == expectation.occurrences, "\(service.file): \(expectation.title)")
        }
    }

    /// What each service puts in its own place reaches the occurrence: Google's page inside an
    /// HTML description, Meetup's `URL` after a long description, Luma's quoted organiser name,
    /// Exchange's `LANGUAGE`-tagged summary, Zimbra's escaped location.
    @Test func eachServiceGivesItsPageOrganiserAndPlace() throws {
        let july = (IssueDate(year: 2025, month: 7, day: 1)!, IssueDate(year: 2025, month: 7, day: 31)!)
        let google = try Self.feed("google.ics").occurrences(from: july.0, through: july.1)
        let hackNight = try #require(google.first { $0.title == "Rust Hack Night" })
        #expect(hackNight.url == "https://rust-berlin.example/hack-night")
        #expect(hackNight.location == "c-base, Rungestraße 20, 10179 Berlin, Germany")
        #expect(hackNight.organiser == "Rust Community Calendar")

        let meetup = try Self.feed("meetup.ics")
        let talk = try #require(meetup.events.first { $0.summary == "Async Rust in Production" })
        #expect(talk.url == "https://www.meetup.com/rust-dallas/events/305551234/")
        #expect(talk.description?.count ?? 0 > 600)
        #expect(talk.description?.hasSuffix("/events/305551234/") == true)

        let luma = try Self.feed("luma.ics").occurrences(from: july.0, through: july.1)
        #expect(Set(luma.map(\.organiser)) == ["Rust NYC"])
        #expect(luma.first { $0.title == "Rust NYC Talk Night" }?.url == "https://lu.ma/rust-nyc-talks")
        let places = UpcomingEvents(luma).regions.map(\.region)
        #expect(places == [.virtual, .northAmerica])

        let autumn = (IssueDate(year: 2025, month: 10, day: 1)!, IssueDate(year: 2025, month: 10, day: 31)!)
        let outlook = try Self.feed("outlook.ics").occurrences(from: autumn.0, through: autumn.1)
        #expect(Set(outlook.map(\.title)) == ["Organisers' sync", "Contributor office hours"])

        let zimbra = try Self.feed("zimbra.ics")
        #expect(zimbra.events.first?.location == "Bibliothek, Zürich, Switzerland")
        #expect(zimbra.events.first?.organiserName == "Study Group")
    }
}
