import Foundation
import HeraldCore
import Testing

@testable import HeraldGather

/// Feeds written for these tests, each event carrying the occurrences it must give:
/// `X-HERALD-WINDOW:FIRST/LAST` and `X-HERALD-EXPECT:` its local dates (`20250702`) or
/// date-times (`20250702T1900`) in that window. The RFC 5545 feed holds §3.8.5.3's examples.
@Suite struct CalendarFixtureTests {
    struct Expectation: CustomTestStringConvertible {
        var uid: String
        var title: String
        var first: IssueDate
        var last: IssueDate
        var occurrences: [String]
        var testDescription: String { title }
    }

    static func expectations(in file: String) throws -> [Expectation] {
        var problems: [Problem] = []
        let calendars = try CalendarComponent.parse(try Fixture.text(file), source: file, problems: &problems)
        return calendars.flatMap(\.components).compactMap { event -> Expectation? in
            guard let window = event.property("X-HERALD-WINDOW")?.value.split(separator: "/"), window.count == 2,
                let first = CalendarDateTime(window[0], tzid: nil)?.date,
                let last = CalendarDateTime(window[1], tzid: nil)?.date,
                let expected = event.property("X-HERALD-EXPECT")?.value, let title = event.property("SUMMARY")?.value,
                let uid = event.property("UID")?.value
            else { return nil }
            return Expectation(
                uid: uid, title: title, first: first, last: last,
                occurrences: expected.split(separator: ",").map(String.init))
        }
    }

    /// `20250702T1900`, or `20250702` for an all-day occurrence.
    static func compact(_ occurrence: EventOccurrence) -> String {
        let date = occurrence.date.description.replacingOccurrences(of: "-", with: "")
        guard let minutes = occurrence.minutes else { return date }
        return date + "T" + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }

    @Test(arguments: ["rfc5545-recurrence.ics", "recurrence-features.ics", "time-zones.ics", "malformed.ics"])
    func everyEventGivesTheOccurrencesItsFeedExpects(file: String) throws {
        let feed = try CalendarFeed(text: try Fixture.text(file), source: file)
        let expectations = try Self.expectations(in: file)
        #expect(expectations.count >= 5)
        for expectation in expectations {
            let found = Self.occurrences(in: feed, for: expectation)
            #expect(found == expectation.occurrences, "\(file): \(expectation.title)")
        }
    }

    /// The occurrences of an expectation's series alone (with the copies sharing its `UID`), over
    /// its own window, written as `X-HERALD-EXPECT` writes them and sorted.
    static func occurrences(in feed: CalendarFeed, for expectation: Expectation) -> [String] {
        var series = feed
        series.events = feed.events.filter { $0.uid == expectation.uid }
        return series.occurrences(from: expectation.first, through: expectation.last).filter {
            $0.title == expectation.title
        }.map(compact).sorted()
    }

    /// The feed's expectations are all read, so the test above cannot pass by reading none.
    @Test func theRFCFeedHoldsItsFortyExamples() throws {
        #expect(try Self.expectations(in: "rfc5545-recurrence.ics").count == 40)
    }
}
