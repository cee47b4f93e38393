import HeraldCore

extension RecurrenceRule {
    /// The days on which a series that starts at `start` happens, up to `last`.
    ///
    /// The series is walked from its start, however long ago, because `COUNT` counts every
    /// occurrence; a daily series from 1970 is 20,000 steps, so the walk is capped at
    /// `maximumPeriods` periods rather than trusted to end.
    ///
    /// - Parameters:
    ///   - start: the first occurrence (`DTSTART`), on the event's wall clock; it always counts.
    ///   - until: `UNTIL` on the same wall clock.
    func dates(from start: LocalTime, until: LocalTime?, through last: IssueDate, maximumPeriods: Int = 100_000)
        -> [IssueDate]
    {
        var result: [IssueDate] = []
        var counted = 0
        func admit(_ date: IssueDate) -> Bool {
            if let until {
                let occurrence = LocalTime(date: date, minutes: until.minutes == nil ? nil : start.minutes)
                if until < occurrence { return false }
            }
            if let count, counted >= count { return false }
            if date > last { return false }
            counted += 1
            result.append(date)
            return true
        }
        guard admit(start.date) else { return result }
        for period in 0..<maximumPeriods {
            guard let (periodStart, candidates) = candidates(period: period, start: start.date), periodStart <= last
            else { break }
            for date in candidates where date > start.date {
                guard admit(date) else { return result }
            }
        }
        return result
    }

    /// The first day of period number `period` and the days the rule picks in it, sorted.
    private func candidates(period: Int, start: IssueDate) -> (IssueDate, [IssueDate])? {
        switch frequency {
        case .daily:
            let date = start.adding(days: period * interval)
            return (date, matchesFilters(date) ? [date] : [])
        case .weekly:
            let weekStartDate = start.adding(days: -((start.weekday.rawValue - weekStart.rawValue + 7) % 7))
            let base = weekStartDate.adding(days: 7 * interval * period)
            let weekdays = byDay.isEmpty ? [start.weekday] : byDay.map(\.weekday)
            let days = weekdays.map { base.adding(days: ($0.rawValue - weekStart.rawValue + 7) % 7) }
                .filter { byMonth.isEmpty || byMonth.contains($0.month) }
            return (base, Array(Set(days)).sorted())
        case .monthly:
            let index = start.year * 12 + (start.month - 1) + period * interval
            let (year, month) = (index / 12, index % 12 + 1)
            guard let first = IssueDate(year: year, month: month, day: 1) else { return nil }
            guard byMonth.isEmpty || byMonth.contains(month) else { return (first, []) }
            return (first, applySetPosition(daysInMonth(year: year, month: month, startDay: start.day)))
        case .yearly:
            let year = start.year + period * interval
            guard let first = IssueDate(year: year, month: 1, day: 1) else { return nil }
            let months = byMonth.isEmpty ? [start.month] : byMonth.sorted()
            let days = months.flatMap { daysInMonth(year: year, month: $0, startDay: start.day) }
            return (first, applySetPosition(days))
        }
    }

    /// The days of one month that `BYMONTHDAY` and `BYDAY` pick, or the start's day of the month.
    private func daysInMonth(year: Int, month: Int, startDay: Int) -> [IssueDate] {
        guard let first = IssueDate(year: year, month: month, day: 1) else { return [] }
        let length = first.adding(days: 32).adding(days: -first.adding(days: 32).day).day
        let all = (0..<length).map { first.adding(days: $0) }
        var picked: Set<IssueDate>?
        if !byMonthDay.isEmpty {
            let days = byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }.filter { (1...length).contains($0) }
            picked = Set(days.map { first.adding(days: $0 - 1) })
        }
        if !byDay.isEmpty {
            var days: Set<IssueDate> = []
            for rule in byDay {
                let matching = all.filter { $0.weekday == rule.weekday }
                if let ordinal = rule.ordinal {
                    let position = ordinal > 0 ? ordinal - 1 : matching.count + ordinal
                    if matching.indices.contains(position) { days.insert(matching[position]) }
                } else {
                    days.formUnion(matching)
                }
            }
            picked = picked.map { $0.intersection(days) } ?? days
        }
        if let picked { return picked.sorted() }
        return startDay <= length ? [first.adding(days: startDay - 1)] : []
    }

    /// `BYSETPOS`: keeps the n-th (or n-th from last) of a period's days.
    private func applySetPosition(_ days: [IssueDate]) -> [IssueDate] {
        guard !bySetPosition.isEmpty else { return days }
        let kept = bySetPosition.compactMap { position -> IssueDate? in
            let index = position > 0 ? position - 1 : days.count + position
            return days.indices.contains(index) ? days[index] : nil
        }
        return Array(Set(kept)).sorted()
    }

    /// The `BYMONTH`, `BYMONTHDAY` and `BYDAY` filters of a daily rule.
    private func matchesFilters(_ date: IssueDate) -> Bool {
        (byMonth.isEmpty || byMonth.contains(date.month))
            && (byMonthDay.isEmpty || byMonthDay.contains(date.day))
            && (byDay.isEmpty || byDay.contains { $0.weekday == date.weekday })
    }
}
