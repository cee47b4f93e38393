import Foundation
import HeraldCore
import Testing

@testable import HeraldGather

@Suite struct CalendarParsingTests {
    @Test func unfoldsContinuationLinesAndKeepsTheFirstLineNumber() {
        let lines = ContentLine.unfold("BEGIN:VCALENDAR\r\nDESCRIPTION:one \r\n two\r\n\tthree\r\nEND:VCALENDAR\r\n")
        #expect(lines.map(\.text) == ["BEGIN:VCALENDAR", "DESCRIPTION:one twothree", "END:VCALENDAR"])
        #expect(lines.map(\.line) == [1, 2, 5])
    }

    @Test func readsQuotedParametersWithColonsAndSeveralValues() throws {
        let line = try ContentLine(
            parsing: #"organizer;CN="Quill: Berlin";DELEGATED-TO="a@x","b@x":https://berlin.example/"#, line: 7)
        #expect(line.name == "ORGANIZER")
        #expect(line.parameter("CN") == "Quill: Berlin")
        #expect(line.parameters["DELEGATED-TO"] == ["a@x", "b@x"])
        #expect(line.value == "https://berlin.example/")
    }

    @Test func unescapesText() {
        #expect(CalendarText.unescape(#"a\, b\; c\\d\nnext\Nline"#) == "a, b; c\\d\nnext\nline")

    }

    @Test func readsDatesTimesAndZones() throws {
        let utc = try #require(CalendarDateTime("20250702T230000Z", tzid: nil))
        #expect(utc.zone == .utc)
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(utc.local(utcTo: berlin) == LocalTime(date: IssueDate(year: 2025, month: 7, day: 3)!, minutes: 60))
        let named = try #require(CalendarDateTime("20250702T183000", tzid: "America/Chicago"))
        #expect(named.zone == .named("America/Chicago"))
        #expect(named.local(utcTo: berlin).minutes == 18 * 60 + 30)
        let unknownZone = try #require(CalendarDateTime("20250702T183000", tzid: "Pacific Standard Time"))
        #expect(unknownZone.zone == .floating)
        let allDay = try #require(CalendarDateTime("20250712", tzid: nil))
        #expect(allDay.minutes == nil)
        #expect(CalendarDateTime("20250230", tzid: nil) == nil)
        #expect(CalendarDateTime("2025-07-02", tzid: nil) == nil)
        #expect(CalendarDateTime("20250702T256000", tzid: nil) == nil)
    }

    @Test(arguments: [
        ("BEGIN:VCALENDAR\nthis line has no colon\nEND:VCALENDAR\n", 2, "property THIS has no ':' before its value"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", 3, "END:VCALENDAR closes BEGIN:VEVENT of line 2"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", 3, "BEGIN:VEVENT of line 2 is never closed"),
        ("<!doctype html>\n<html>\n", 1, "'<!doctype html>' is not a property line"),
        ("SUMMARY:x\n", 1, "property SUMMARY is outside BEGIN:VCALENDAR … END:VCALENDAR"),
        (
            "BEGIN:VCALENDAR\nDTSTART;TZID=\"Europe/Berlin:20250101\n", 2,
            "property DTSTART has an unclosed quoted parameter"
        ),
        ("BEGIN:VEVENT\nEND:VEVENT\n", 1, "there is no BEGIN:VCALENDAR"),
    ])
    func malformedCalendarsNameTheSourceAndLine(text: String, line: Int, message: String) {
        #expect {
            try CalendarFeed(text: text, source: "feeds/broken.ics")
        } throws: { error in
            let error = error as? GatherError
            return error?.source == "feeds/broken.ics" && error?.line == line && error?.message == message
                && error?.code == .malformedCalendar
        }
    }

    @Test func aBadEventIsSkippedWithAWarningAtItsLine() throws {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            SUMMARY:no start
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20250702T180000
            RRULE:FREQ=HOURLY
            SUMMARY:hourly
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20250702T180000
            SUMMARY:kept
            END:VEVENT
            END:VCALENDAR
            """
        let feed = try CalendarFeed(text: text, source: "a.ics")
        #expect(feed.eventCount == 1)
        #expect(
            feed.warnings.map(\.description) == [
                "a.ics:2:1: warning: skipped an event: the event has no DTSTART",
                "a.ics:7:1: warning: skipped an event: RRULE frequency HOURLY is not one Herald follows",
            ])
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

    @Test func aLargeFeedIsReadInReasonableTime() throws {
        var text = "BEGIN:VCALENDAR\n"
        for index in 0..<20_000 {
            text += "BEGIN:VEVENT\nUID:\(index)\nDTSTART:20250702T180000\nSUMMARY:Event \(index)\nEND:VEVENT\n"
        }
        text += "END:VCALENDAR\n"
        let start = ContinuousClock.now
        let feed = try CalendarFeed(text: text, source: "big.ics")
        #expect(feed.eventCount == 20_000)
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func deeplyNestedOrEndlessComponentsAreRefused() {
        let text = "BEGIN:VCALENDAR\n" + String(repeating: "BEGIN:X\n", count: 50_000)
        #expect(throws: GatherError.self) { try CalendarFeed(text: text, source: "deep.ics") }
    }
}
