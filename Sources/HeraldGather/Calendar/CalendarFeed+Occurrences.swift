public import HeraldCore
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
    ///
    /// Series are independent of each other, so a large feed's are expanded on every core, in
    /// runs of consecutive events whose results are joined in the feed's order. Each run has its
    /// own clocks, since a zone keeps what it has worked out as it goes.
    public func expand(from first: IssueDate, through last: IssueDate) -> Expansion {
        var overrides: [String: [CalendarEvent]] = [:]
        for event in events where event.recurrenceID != nil {
            overrides[event.uid ?? "", default: []].append(event)
        }
        let masters = events.indices.filter { events[$0].recurrenceID == nil }
        let runLength = Swift.max(256, masters.count / 16)
        let runs = stride(from: 0, to: masters.count, by: runLength).map {
            masters[$0..<Swift.min($0 + runLength, masters.count)]
        }
        let expanded = runs.concurrentMap { run in
            expand(run, overrides: overrides, clocks: feedClocks(through: last), from: first, through: last)
        }
        var expansion = Expansion(
            occurrences: expanded.flatMap(\.occurrences), problems: expanded.flatMap(\.problems))
        // Moved occurrences whose series is not in the feed are listed where they now are.
        let mastered = Set(masters.compactMap { events[$0].uid })
        let clocks = feedClocks(through: last)
        for (uid, moved) in overrides where uid.isEmpty || !mastered.contains(uid) {
            for event in moved where !event.isCancelled {
                let time = clocks.listingTime(of: event.start)
                if (first...last).contains(time.date) {
                    expansion.occurrences.append(occurrence(of: event, at: time))
                }
            }
        }
        return expansion
    }

    private func feedClocks(through last: IssueDate) -> FeedClocks {
        FeedClocks(
            zones: ZoneDirectory(timeZones: timeZoneComponents, horizon: last.year + 1),
            listingZoneName: listingZoneName)
    }

    /// The occurrences of the series of `masters`, indices of events, in order.
    private func expand(
        _ masters: ArraySlice<Int>, overrides: [String: [CalendarEvent]], clocks: FeedClocks, from first: IssueDate,
        through last: IssueDate
    ) -> Expansion {
        var expansion = Expansion(occurrences: [], problems: [])
        for event in masters.lazy.map({ events[$0] }) where !event.isCancelled {
            let series = SeriesExpansion(
                master: event, overrides: event.uid.flatMap { overrides[$0] } ?? [], clocks: clocks)
            // Most occurrences show the event itself: its row is made once and dated for each.
            let own = occurrence(of: event)
            let isCut = series.occurrences(from: first, through: last) { time, version in
                expansion.occurrences.append(
                    occurrence(of: version, at: time, row: version.line == event.line ? own : nil))
            }
            if isCut {
                expansion.problems.append(
                    Problem(
                        .malformedCalendar, severity: .warning, file: source,
                        location: SourceLocation(line: event.line, column: 1),
                        message: "the series repeats too often to list in full; only its first occurrences are listed"))
            }
        }
        return expansion
    }

    /// `event` at `time`: `row`, the event's row when it was made already, or a new one, dated.
    private func occurrence(
        of event: CalendarEvent, at time: WallTime, row made: EventOccurrence? = nil
    ) -> EventOccurrence {
        var row = made ?? occurrence(of: event)
        row.date = time.date
        row.minutes = event.start.isDate ? nil : time.second / 60
        return row
    }

    /// The row `event` gives, dated at its start until it is given an occurrence's date.
    private func occurrence(of event: CalendarEvent) -> EventOccurrence {
        EventOccurrence(
            date: event.start.time.date, title: event.summary.nonBlank ?? "(untitled event)", url: event.url,
            location: event.location, organiser: event.organiserName ?? name, organiserURL: event.organiserURL,
            source: source, line: event.line)
    }
}
