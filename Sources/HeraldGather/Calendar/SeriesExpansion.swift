import HeraldCore

/// One event's series in a window: its rules, `RDATE`s and `EXDATE`s on the clock of its
/// `DTSTART`, with the occurrences other copies of it (`RECURRENCE-ID`) move, change or cancel.
struct SeriesExpansion {
    /// A copy of the event that changes one occurrence, or with `RANGE=THISANDFUTURE` every
    /// occurrence from it on, shifted by `shift` seconds.
    struct Change {
        var from: WallTime
        var shift: Int
        var event: CalendarEvent
    }

    let master: CalendarEvent
    let clocks: FeedClocks
    let clock: FeedClocks.Clock
    let start: WallTime
    private var single: [WallTime: CalendarEvent] = [:]
    private var singleByDay: [Int: WallTime] = [:]
    private var future: [Change] = []

    init(master: CalendarEvent, overrides: [CalendarEvent], clocks: FeedClocks) {
        self.master = master
        self.clocks = clocks
        clock = clocks.clock(of: master.start)
        start = master.start.time
        for event in overrides {
            guard let recurrenceID = event.recurrenceID else { continue }
            let key = clocks.time(of: recurrenceID, on: clock)
            if event.changesFuture {
                let moved = clocks.time(of: event.start, on: clock)
                future.append(Change(from: key, shift: moved.secondsSinceEpoch - key.secondsSinceEpoch, event: event))
            } else {
                single[key] = event
                singleByDay[key.day] = key
            }
        }
        future.sort { $0.from < $1.from }
    }

    /// Calls `list` with each occurrence listed from `first` to `last` and the copy of the event
    /// it shows; returns whether a rule stopped before the window's end.
    ///
    /// The occurrences are handed over one by one rather than gathered, so the event, a large
    /// value, is not copied for each of them.
    func occurrences(
        from first: IssueDate, through last: IssueDate, _ list: (WallTime, CalendarEvent) -> Void
    ) -> Bool {
        let shiftDays = future.map { abs($0.shift) / WallTime.secondsPerDay }.max() ?? 0
        let margin = min(shiftDays, 3_660) + 2
        let from = WallTime(day: max(first.daysSinceEpoch - margin, WallTime.firstDay))
        let through = WallTime(day: min(last.daysSinceEpoch + margin, WallTime.lastDay), second: 86_399)
        let (times, isCut) = seriesTimes(from: from, through: through)
        let days = first.daysSinceEpoch...last.daysSinceEpoch
        func listInWindow(_ time: WallTime, _ event: CalendarEvent) {
            if days.contains(time.day) { list(time, event) }
        }
        let subDaily = master.rules.contains { $0.frequency < .daily }
        var used: Set<WallTime> = []
        for time in times {
            let key: WallTime? = single[time] != nil ? time : subDaily ? nil : singleByDay[time.day]
            if let key, let replacement = single[key] {
                used.insert(key)
                if !replacement.isCancelled { listInWindow(clocks.listingTime(of: replacement.start), replacement) }
            } else if let change = future.last(where: { $0.from <= time }) {
                used.insert(change.from)
                guard !change.event.isCancelled, let moved = time.adding(seconds: change.shift) else { continue }
                listInWindow(clocks.listingTime(of: moved, on: clock), change.event)
            } else {
                listInWindow(clocks.listingTime(of: time, on: clock), master)
            }
        }
        let changes = single.map { ($0.key, $0.value) } + future.map { ($0.from, $0.event) }
        for (key, event) in changes where !used.contains(key) && !event.isCancelled {
            listInWindow(clocks.listingTime(of: event.start), event)
        }
        return isCut
    }

    /// The series' own times from `from` to `through`, in order: `DTSTART`, every rule's
    /// occurrences and the `RDATE`s, without the `EXDATE`s.
    ///
    /// Most series have one rule and no `RDATE`: its times come in order and distinct, and are
    /// taken as they are rather than gathered in a set and sorted again.
    private func seriesTimes(from: WallTime, through: WallTime) -> ([WallTime], Bool) {
        var sorted: [WallTime]
        var isCut = false
        if master.rules.count == 1, master.extraDates.isEmpty,
            case let found = occurrences(of: master.rules[0], from: from, through: through),
            zip(found.times, found.times.dropFirst()).allSatisfy({ $0 < $1 })
        {
            (sorted, isCut) = (found.times, found.isCut)
        } else {
            var times: Set<WallTime> = []
            if master.rules.isEmpty, (from...through).contains(start) { times.insert(start) }
            for rule in master.rules {
                let found = occurrences(of: rule, from: from, through: through)
                times.formUnion(found.times)
                isCut = isCut || found.isCut
            }
            for value in master.extraDates {
                var time = clocks.time(of: value, on: clock)
                if value.isDate, !master.start.isDate { time.second = start.second }
                if (from...through).contains(time) { times.insert(time) }
            }
            sorted = times.sorted()
        }
        guard !master.exceptions.isEmpty else { return (sorted, isCut) }
        var excludedTimes: Set<WallTime> = []
        var excludedDays: Set<Int> = []
        for value in master.exceptions {
            let time = clocks.time(of: value, on: clock)
            if value.isDate || master.start.isDate {
                excludedDays.insert(time.day)
            } else {
                excludedTimes.insert(time)
            }
        }
        return (sorted.filter { !excludedTimes.contains($0) && !excludedDays.contains($0.day) }, isCut)
    }

    /// One rule's occurrences from `from` to `through`, its `UNTIL` moved onto the series' clock.
    private func occurrences(of rule: RecurrenceRule, from: WallTime, through: WallTime)
        -> RecurrenceRule.Occurrences
    {
        let until = rule.until.map { value -> WallTime in
            let time = clocks.time(of: value, on: clock)
            return value.isDate || master.start.isDate ? WallTime(day: time.day, second: 86_399) : time
        }
        return rule.occurrences(startingAt: start, until: until, from: from, through: through)
    }
}
