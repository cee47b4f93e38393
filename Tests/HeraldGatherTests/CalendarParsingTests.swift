import Foundation
import HeraldCore
import Testing

@testable import HeraldGather

@Suite struct CalendarParsingTests {
    /// Every line read, as `NAME:value` with the number of the line it starts on.
    static func read(_ text: String) -> [(text: String, line: Int)] {
        var lines: [(text: String, line: Int)] = []
        ContentLine.read(text) { number, parsed in
            if case .success(let line) = parsed { lines.append((line.name + ":" + line.value, number)) }
        }
        return lines
    }

    @Test func unfoldsContinuationLinesAndKeepsTheFirstLineNumber() {
        let lines = Self.read("BEGIN:VCALENDAR\r\nDESCRIPTION:one \r\n two\r\n\tthree\r\nEND:VCALENDAR\r\n")
        #expect(lines.map(\.text) == ["BEGIN:VCALENDAR", "DESCRIPTION:one twothree", "END:VCALENDAR"])
        #expect(lines.map(\.line) == [1, 2, 5])
    }

    /// Lines end in CRLF or LF alike; a fold may fall inside a word of any script, and a blank
    /// line between a line and its continuation does not end it.
    @Test func unfoldsAcrossLineEndingsAndCharacters() {
        let lines = Self.read("summary;language=de:Z\u{FC}rich caf\n \u{E9}\r\n\r\n  und Stra\u{DF}e\nX-A:1")
        #expect(lines.map(\.text) == ["SUMMARY:Z\u{FC}rich caf\u{E9} und Stra\u{DF}e", "X-A:1"])
        #expect(lines.map(\.line) == [1, 5])
    }

    @Test func readsQuotedParametersWithColonsAndSeveralValues() throws {
        let line = try Self.line(#"organizer;CN="Quill: Berlin";DELEGATED-TO="a@x","b@x":https://berlin.example/"#)
        #expect(line.name == "ORGANIZER")
        #expect(line.parameter("CN") == "Quill: Berlin")
        #expect(line.parameters["DELEGATED-TO"] == ["a@x", "b@x"])
        #expect(line.value == "https://berlin.example/")
    }

    /// One content line parsed alone.
    static func line(_ text: String) throws -> ContentLine {
        var text = text
        return try text.withUTF8 { bytes throws(ContentLineError) in try ContentLine(parsing: bytes, line: 1) }
    }

    @Test func unescapesText() {
        #expect(CalendarText.unescape(#"a\, b\; c\\d\nnext\Nline"#) == "a, b; c\\d\nnext\nline")
        // An escaped non-ASCII character is itself; a backslash at the very end stays.
        #expect(CalendarText.unescape("Caf\\\\\u{E9}\\, Z\u{FC}rich\\") == "Caf\\\u{E9}, Z\u{FC}rich\\")
        #expect(CalendarText.unescape("\\\u{E9}t\u{E9}") == "\u{E9}t\u{E9}")
    }

    @Test func readsDatesTimesAndZones() throws {
        let utc = try #require(CalendarDateTime("20250702T230000Z", tzid: nil))
        #expect(utc.zone == .utc)
        #expect(utc.time == WallTime(date: IssueDate(year: 2025, month: 7, day: 2)!, second: 23 * 3600))
        let named = try #require(CalendarDateTime("20250702T183005", tzid: "America/Chicago"))
        #expect(named.zone == .named("America/Chicago"))
        #expect(named.time.second == 18 * 3600 + 30 * 60 + 5)
        let windows = try #require(CalendarDateTime("20250702T183000", tzid: "Pacific Standard Time"))
        #expect(windows.zone == .named("Pacific Standard Time"))
        let allDay = try #require(CalendarDateTime("20250712", tzid: nil))
        #expect(allDay.isDate)
        #expect(CalendarDateTime("20250230", tzid: nil) == nil)
        #expect(CalendarDateTime("2025-07-02", tzid: nil) == nil)
        #expect(CalendarDateTime("20250702T256000", tzid: nil) == nil)
    }

    @Test func periodsCountFromTheirStart() throws {
        let line = try Self.line("RDATE;VALUE=PERIOD:19960403T020000Z/19960403T040000Z,19960404T010000Z/PT3H")
        #expect(
            CalendarDateTime.list(line).map { $0?.time.description } == ["1996-04-03T02:00:00", "1996-04-04T01:00:00"])
    }

    @Test(arguments: [
        ("<!doctype html>\n<html>\n", 1),
        ("SUMMARY:x\n", 1),
        ("BEGIN:VEVENT\nEND:VEVENT\n", 1),
        ("", 1),
    ])
    func aTextWithoutACalendarIsAnError(text: String, line: Int) {
        #expect {
            try CalendarFeed(text: text, source: "feeds/broken.ics")
        } throws: { error in
            let error = error as? GatherError
            return error?.source == "feeds/broken.ics" && error?.line == line
                && error?.message == "there is no BEGIN:VCALENDAR" && error?.code == .malformedCalendar
        }
    }

    @Test(arguments: [
        (
            "BEGIN:VCALENDAR\nthis line has no colon\nEND:VCALENDAR\n",
            "2:1: warning: property THIS has no ':' before its value; the line is skipped (a long line not folded?)"
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n",
            "2:1: warning: BEGIN:VEVENT is never closed; END:VCALENDAR at line 3 closes it"
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n",
            "1:1: warning: BEGIN:VCALENDAR is never closed (the feed may be cut short)"
        ),
        (
            "BEGIN:VCALENDAR\nEND:VCALENDAR\nX-PODIO:after\n",
            "3:1: warning: property X-PODIO is outside BEGIN:VCALENDAR … END:VCALENDAR; it is skipped"
        ),
        (
            "BEGIN:VCALENDAR\nDTSTART;TZID=\"Europe/Berlin:20250101\nEND:VCALENDAR\n",
            "2:1: warning: property DTSTART has an unclosed quoted parameter; "
                + "the line is skipped (a long line not folded?)"
        ),
        (
            "BEGIN:VCALENDAR\nEND:VTODO\nEND:VCALENDAR\n",
            "2:1: warning: END:VTODO closes no open component; the line is skipped"
        ),
    ])
    func aMalformedLineIsAWarningAtItsLine(text: String, warning: String) throws {
        let feed = try CalendarFeed(text: text, source: "feeds/broken.ics")
        #expect(feed.warnings.map(\.description).contains("feeds/broken.ics:" + warning))
    }

    @Test func aBadEventOrRuleCostsOnlyItself() throws {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            SUMMARY:no start
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20250702T180000
            RRULE:FREQ=FORTNIGHTLY
            SUMMARY:fortnightly
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20250702T180000
            SUMMARY:kept
            END:VEVENT
            END:VCALENDAR
            """
        let feed = try CalendarFeed(text: text, source: "a.ics")
        #expect(feed.eventCount == 2)
        #expect(
            feed.warnings.map(\.description) == [
                "a.ics:2:1: warning: skipped an event: the event has no DTSTART",
                "a.ics:7:1: warning: RRULE frequency FORTNIGHTLY is not an RFC 5545 frequency; "
                    + "the rule is not followed and the event keeps its own dates",
            ])
        let day = IssueDate(year: 2025, month: 7, day: 2)!
        let titles = feed.occurrences(from: day, through: day.adding(days: 30)).map(\.title)
        #expect(titles.sorted() == ["fortnightly", "kept"])
    }

    @Test func invalidUTF8AndNULBytesDoNotStopTheFeed() throws {
        var bytes = Array("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20250702\nSUMMARY:caf".utf8)
        bytes += [0xE9, 0x00, 0xFF]
        bytes += Array("\nEND:VEVENT\nEND:VCALENDAR\n".utf8)
        let feed = try CalendarFeed(text: String(decoding: bytes, as: UTF8.self), source: "bytes.ics")
        let day = IssueDate(year: 2025, month: 7, day: 2)!
        let occurrence = try #require(feed.occurrences(from: day, through: day).first)
        #expect(occurrence.title.hasPrefix("caf"))
    }

    /// Every event of a large feed is read and listed; its speed is measured by
    /// `scripts/benchmark-calendar.sh`, not here.
    @Test func everyEventOfALargeFeedIsListed() throws {
        var text = "BEGIN:VCALENDAR\n"
        for index in 0..<20_000 {
            text += "BEGIN:VEVENT\nUID:\(index)\nDTSTART:20250702T180000\nSUMMARY:Event \(index)\nEND:VEVENT\n"
        }
        text += "END:VCALENDAR\n"
        let feed = try CalendarFeed(text: text, source: "big.ics")
        #expect(feed.eventCount == 20_000)
        let day = IssueDate(year: 2025, month: 7, day: 2)!
        #expect(Set(feed.occurrences(from: day, through: day).map(\.title)).count == 20_000)
    }

    /// 100,000 nested blocks, closed or not, cost only themselves: the event beside them stays.
    @Test(arguments: [true, false])
    func deeplyNestedComponentsAreSkippedWithAWarning(closed: Bool) throws {
        let event = "BEGIN:VEVENT\nDTSTART:20250702\nSUMMARY:kept\nEND:VEVENT\n"
        let ends = closed ? String(repeating: "END:X\n", count: 100_000) : ""
        let nested = String(repeating: "BEGIN:X\n", count: 100_000) + ends
        let feed = try CalendarFeed(text: "BEGIN:VCALENDAR\n" + event + nested + "END:VCALENDAR\n", source: "deep.ics")
        #expect(feed.eventCount == 1)
        #expect(
            feed.warnings.map(\.description).first
                == "deep.ics:\(6 + CalendarComponent.maximumDepth - 1):1: warning: components nest deeper than "
                + "\(CalendarComponent.maximumDepth) levels; BEGIN:X is skipped")
        #expect(feed.warnings.count == (closed ? 1 : 1 + CalendarComponent.maximumDepth))
    }
}
