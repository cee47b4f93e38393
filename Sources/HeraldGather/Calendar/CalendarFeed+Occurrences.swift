import HeraldCore
import HeraldMarkdown

extension CalendarFeed {
    /// What a window of the feed holds: its occurrences, and what could not be listed in full.
    public struct Expansion: Sendable {
        /// Every occurrence listed in the window; not yet sorted.
        public var occurrences: [EventOccurrence]
        /// Series Herald stopped expanding before the window's end, each at its event's line.
        public var problems: [Problem]
    }

    /// Every occurrence from `first` to `last` (both included), with moved occurrences at their
    /// new time and cancelled or excluded ones left out; not yet sorted.
    public func occurrences(from first: IssueDate, through last: IssueDate) -> [EventOccurrence] {
        expand(from: first, through: last).occurrences
    }

    /// The occurrences from `first` to `last` (both included), and the series that could not be
    /// listed in full.
    public func expand(from first: IssueDate, through last: IssueDate) -> Expansion {
        let clocks = FeedClocks(
            zones: ZoneDirectory(timeZones: timeZoneComponents, horizon: last.year + 1),
            listingZoneName: listingZoneName)
        var overrides: [String: [CalendarEvent]] = [:]
        for event in events where event.recurrenceID != nil {
            overrides[event.uid ?? "", default: []].append(event)
        }
        var expansion = Expansion(occurrences: [], problems: [])
        var mastered: Set<String> = []
        for event in events where event.recurrenceID == nil {
            if let uid = event.uid { mastered.insert(uid) }
            guard !event.isCancelled else { continue }
            let series = SeriesExpansion(
                master: event, overrides: event.uid.flatMap { overrides[$0] } ?? [], clocks: clocks)
            let isCut = series.occurrences(from: first, through: last) { time, version in
                expansion.occurrences.append(occurrence(of: version, at: time))
            }
            if isCut {
                expansion.problems.append(
                    Problem(
                        .malformedCalendar, severity: .warning, file: source,
                        location: SourceLocation(line: event.line, column: 1),
                        message: "the series repeats too often to list in full; only its first occurrences are listed"))
            }
        }
        // Moved occurrences whose series is not in the feed are listed where they now are.
        for (uid, moved) in overrides where uid.isEmpty || !mastered.contains(uid) {
            for event in moved where !event.isCancelled {
                let time = clocks.listingTime(of: event.start)
                if (first...last).contains(time.date) { expansion.occurrences.append(occurrence(of: event, at: time)) }
            }
        }
        return expansion
    }

    private func occurrence(of event: CalendarEvent, at time: WallTime) -> EventOccurrence {
        EventOccurrence(
            date: time.date, minutes: event.start.isDate ? nil : time.second / 60,
            title: event.summary.nonBlank ?? "(untitled event)", url: event.url, location: event.location,
            organiser: event.organiserName ?? name, organiserURL: event.organiserURL, source: source,
            line: event.line)
    }
}
