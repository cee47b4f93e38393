public import Foundation
public import HeraldCore
import HeraldMarkdown

/// An iCalendar feed read: its events, its name and time zone, and what it had to skip.
///
/// Reading is lenient, as real feeds need: a malformed line costs that property, a bad event
/// (no start) costs that event, and each is a warning at its line. Only a text that holds no
/// calendar at all (a web page, an error message) is an error.
///
/// `CalendarFeed(text:source:)` and ``occurrences(from:through:)`` (or
/// ``expand(from:through:)``) are the reader's entry points: text in, a window's events out.
public struct CalendarFeed: Sendable {
    /// The feed as the user named it, used in every problem.
    public var source: String
    /// `X-WR-CALNAME`, the calendar's own name.
    public var name: String?
    /// Where UTC times are moved to give an event's local date: `X-WR-TIMEZONE`, else the
    /// feed's only `VTIMEZONE`, else UTC. A zone the feed defines only by its `VTIMEZONE` is
    /// applied by its definition; this is then UTC.
    public var timeZone: TimeZone
    /// Lines, properties and events that could not be read, each at its line.
    public var warnings: [Problem]
    var events: [CalendarEvent]
    /// The `TZID` UTC times are listed in, when the feed names one.
    var listingZoneName: String?
    /// The feed's `VTIMEZONE` definitions, read when a `TZID` is not an IANA name.
    var timeZoneComponents: [CalendarComponent]

    /// How many problems one feed reports one by one; the rest are counted in one more.
    static let maximumWarnings = 200

    /// Reads the text of an iCalendar feed.
    ///
    /// - Throws: ``GatherError`` naming `source` and the line when the text holds no calendar.
    public init(text: String, source: String) throws(GatherError) {
        self.source = source
        var problems: [Problem] = []
        let calendars = try CalendarComponent.parse(text, source: source, problems: &problems)
            .filter { $0.name == "VCALENDAR" }
        let properties = calendars.flatMap(\.properties)
        name = properties.first { $0.name == "X-WR-CALNAME" }.map { CalendarText.unescape($0.value) }
        timeZoneComponents = calendars.flatMap(\.components).filter { $0.name == "VTIMEZONE" }
        let zones = Set(timeZoneComponents.compactMap { $0.property("TZID")?.value })
        listingZoneName =
            properties.first { $0.name == "X-WR-TIMEZONE" }?.value.nonBlank ?? (zones.count == 1 ? zones.first : nil)
        timeZone =
            listingZoneName.flatMap { name in
                TimeZone(identifier: name) ?? WindowsZones.ianaName(for: name).flatMap { TimeZone(identifier: $0) }
            }
            ?? TimeZone(identifier: "UTC")!
        var events: [CalendarEvent] = []
        /// The index in `events` of the copy kept for each `UID` and `RECURRENCE-ID`.
        var kept: [String: Int] = [:]
        // Events are read on every core (a large feed holds thousands, each with its rules,
        // dates and addresses to read), then kept or dropped in the feed's order.
        let components = calendars.flatMap(\.components).filter { $0.name == "VEVENT" }
        let read = components.concurrentMap { component -> (CalendarEvent?, [ContentLineLocatedError]) in
            var notes: [ContentLineLocatedError] = []
            do throws(ContentLineLocatedError) {
                return (try CalendarEvent(component, notes: &notes), notes)
            } catch {
                notes.append(ContentLineLocatedError(line: error.line, message: "skipped an event: \(error.message)"))
                return (nil, notes)
            }
        }
        for (event, notes) in read {
            if let event {
                if let uid = event.uid {
                    let key = uid + "\u{0}" + (event.recurrenceID.map { "\($0.time)" } ?? "")
                    if let index = kept[key] {
                        if event.supersedes(events[index]) { events[index] = event }
                    } else {
                        kept[key] = events.count
                        events.append(event)
                    }
                } else {
                    events.append(event)
                }
            }
            problems += notes.map { note in
                Problem(
                    .malformedCalendar, severity: .warning, file: source,
                    location: SourceLocation(line: note.line, column: 1), message: note.message)
            }
        }
        self.events = events
        warnings = Self.capped(problems, source: source)
    }

    /// The number of events in the feed, recurring series counted once.
    public var eventCount: Int { events.count }

    /// At most ``maximumWarnings`` problems, then one saying how many more there were.
    static func capped(_ problems: [Problem], source: String) -> [Problem] {
        guard problems.count > maximumWarnings else { return problems }
        return Array(problems.prefix(maximumWarnings)) + [
            Problem(
                .malformedCalendar, severity: .warning, file: source,
                message: "\(problems.count - maximumWarnings) more problems are not listed")
        ]
    }
}
