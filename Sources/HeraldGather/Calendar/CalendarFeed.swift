import Foundation
import HeraldCore
import HeraldMarkdown

/// An iCalendar feed read: its events, its name and time zone, and the events it had to skip.
///
/// One bad event (no start, an `RRULE` Herald cannot follow) is skipped with a warning at its
/// line rather than losing the whole feed; a file that is not iCalendar at all is an error.
public struct CalendarFeed: Sendable {
    /// The feed as the user named it, used in every problem.
    public var source: String
    /// `X-WR-CALNAME`, the calendar's own name.
    public var name: String?
    /// Where UTC times are moved to give an event's local date: `X-WR-TIMEZONE`, else the
    /// feed's only `VTIMEZONE`, else UTC.
    public var timeZone: TimeZone
    /// Events that could not be read, each at its line.
    public var warnings: [Problem]
    var events: [CalendarEvent]

    /// Reads the text of an iCalendar feed.
    ///
    /// - Throws: ``GatherError`` naming `source` and the line when the text is not iCalendar.
    public init(text: String, source: String) throws(GatherError) {
        self.source = source
        let calendars = try CalendarComponent.parse(text, source: source).filter { $0.name == "VCALENDAR" }
        let properties = calendars.flatMap(\.properties)
        name = properties.first { $0.name == "X-WR-CALNAME" }.map { CalendarText.unescape($0.value) }
        let zones = calendars.flatMap(\.components).filter { $0.name == "VTIMEZONE" }
            .compactMap { $0.property("TZID")?.value }
        let named = properties.first { $0.name == "X-WR-TIMEZONE" }?.value ?? (zones.count == 1 ? zones[0] : nil)
        timeZone = named.flatMap { TimeZone(identifier: $0) } ?? TimeZone(identifier: "UTC")!
        warnings = []
        events = []
        for component in calendars.flatMap(\.components) where component.name == "VEVENT" {
            do {
                events.append(try CalendarEvent(component))
            } catch {
                warnings.append(
                    Problem(
                        .malformedCalendar, severity: .warning, file: source,
                        location: SourceLocation(line: error.line, column: 1),
                        message: "skipped an event: \(error.message)"))
            }
        }
    }

    /// The number of events in the feed, recurring series counted once.
    public var eventCount: Int { events.count }

    /// Every occurrence from `first` to `last` (both included), with moved occurrences at their
    /// new time and cancelled or excluded ones left out; not yet sorted.
    public func occurrences(from first: IssueDate, through last: IssueDate) -> [EventOccurrence] {
        var overrides: [String: [IssueDate: CalendarEvent]] = [:]
        for event in events {
            guard let uid = event.uid, let recurrenceID = event.recurrenceID else { continue }
            let zone = event.start.timeZone ?? timeZone
            overrides[uid, default: [:]][recurrenceID.local(utcTo: zone).date] = event
        }
        var result: [EventOccurrence] = []
        var usedOverrides: Set<String> = []
        for event in events where event.recurrenceID == nil {
            guard !event.isCancelled else { continue }
            let zone = event.start.timeZone ?? timeZone
            let start = event.start.local(utcTo: zone)
            var dates = Set(
                event.rule.map { rule in
                    rule.dates(from: start, until: rule.until?.local(utcTo: zone), through: last)
                } ?? [start.date])
            dates.formUnion(event.extraDates.map { $0.local(utcTo: zone).date })
            dates.subtract(event.exceptions.map { $0.local(utcTo: zone).date })
            for date in dates {
                if let uid = event.uid, let replacement = overrides[uid]?[date] {
                    usedOverrides.insert(uid + "@" + date.description)
                    guard !replacement.isCancelled else { continue }
                    let moved = replacement.start.local(utcTo: replacement.start.timeZone ?? timeZone)
                    if moved.date >= first, moved.date <= last { result.append(occurrence(of: replacement, at: moved)) }
                } else if date >= first, date <= last {
                    result.append(occurrence(of: event, at: LocalTime(date: date, minutes: start.minutes)))
                }
            }
        }
        for (uid, byDate) in overrides {
            for (date, event) in byDate
            where !usedOverrides.contains(uid + "@" + date.description) && !event.isCancelled {
                let moved = event.start.local(utcTo: event.start.timeZone ?? timeZone)
                if moved.date >= first, moved.date <= last { result.append(occurrence(of: event, at: moved)) }
            }
        }
        return result
    }

    private func occurrence(of event: CalendarEvent, at time: LocalTime) -> EventOccurrence {
        EventOccurrence(
            date: time.date, minutes: time.minutes, title: event.summary.nonBlank ?? "(untitled event)",
            url: event.url, location: event.location, organiser: event.organiserName ?? name,
            organiserURL: event.organiserURL, source: source, line: event.line)
    }
}
