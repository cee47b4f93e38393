import HeraldCore

extension RecurrenceRule {
    /// The occurrences of a series found between two moments, and whether Herald stopped early.
    struct Occurrences: Sendable {
        var times: [WallTime]
        /// Set when the walk gave up before the window's end (`budget` periods walked or
        /// `limit` occurrences found), so the caller can report that the list is incomplete.
        var isCut = false
    }

    /// The occurrences of the series that starts at `start`, from `first` to `last` inclusive.
    ///
    /// `DTSTART` is always the first occurrence and counts towards `COUNT`. Without `COUNT`,
    /// the walk jumps straight to the period holding `first`, so a daily series begun in 1700
    /// costs no more than one begun last week; with `COUNT` it must count from the start, and
    /// stops (reporting `isCut`) after `budget` periods.
    ///
    /// - Parameters:
    ///   - start: `DTSTART` on the clock the rule runs on.
    ///   - until: `UNTIL` on the same clock (the end of its day for a date), inclusive.
    func occurrences(
        startingAt start: WallTime, until: WallTime?, from first: WallTime, through last: WallTime,
        budget: Int = 2_000_000, limit: Int = 200_000
    ) -> Occurrences {
        let plan = ExpansionPlan(rule: self, start: start)
        var result = Occurrences(times: [])
        var counted = 0
        /// Takes one occurrence of the series in order; `false` once the series is over.
        func admit(_ time: WallTime) -> Bool {
            if let until, time > until { return false }
            if time > last { return false }
            counted += 1
            if time >= first {
                guard result.times.count < limit else {
                    result.isCut = true
                    return false
                }
                result.times.append(time)
            }
            if let count, counted >= count { return false }
            return true
        }
        guard admit(start) else { return result }
        var period = count == nil ? plan.period(holding: first) : 0
        var walked = 0
        while let found = plan.instances(inPeriod: period) {
            walked += 1
            guard walked <= budget else {
                result.isCut = true
                break
            }
            if found.begin > last { break }
            if let until, found.begin > until { break }
            for time in found.times where time > start {
                guard admit(time) else { return result }
            }
            period = found.next
        }
        return result
    }
}

/// A rule with RFC 5545's defaults filled in from `DTSTART`, ready to list each period's
/// instances: which days and times of a year, month, week, day, hour, minute or second it picks.
struct ExpansionPlan {
    let rule: RecurrenceRule
    let start: WallTime
    let startDate: IssueDate
    /// The effective `BYMONTHDAY`, `BYMONTH` and `BYDAY` after the defaults.
    let monthDays: [Int]
    let months: [Int]
    let weekdays: [RecurrenceRule.WeekdayRule]
    /// The times of day an instance falls at, for rules of a day or longer.
    let timesOfDay: [Int]
    /// The minutes and seconds an hourly or minutely period expands to.
    let minutes: [Int]
    let seconds: [Int]
    /// The first day of the week holding `DTSTART`, counted from `WKST`.
    let firstWeekDay: Int

    init(rule: RecurrenceRule, start: WallTime) {
        self.rule = rule
        self.start = start
        startDate = start.date
        let noDayParts =
            rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty
        var monthDays = rule.byMonthDay
        var months = rule.byMonth
        var weekdays = rule.byDay
        if noDayParts {
            switch rule.frequency {
            case .yearly:
                if months.isEmpty { months = [startDate.month] }
                monthDays = [startDate.day]
            case .monthly: monthDays = [startDate.day]
            case .weekly: weekdays = [.init(weekday: startDate.weekday, ordinal: nil)]
            default: break
            }
        }
        self.monthDays = monthDays
        self.months = months
        self.weekdays = weekdays
        let frequency = rule.frequency
        let hours = rule.byHour.isEmpty && frequency >= .daily ? [start.second / 3600] : rule.byHour
        let minutes = rule.byMinute.isEmpty && frequency >= .hourly ? [start.second / 60 % 60] : rule.byMinute
        let seconds = (rule.bySecond.isEmpty && frequency >= .minutely ? [start.second % 60] : rule.bySecond)
            .filter { $0 < 60 }
        self.minutes = minutes
        self.seconds = seconds
        timesOfDay = hours.flatMap { hour in
            minutes.flatMap { minute in seconds.map { hour * 3600 + minute * 60 + $0 } }
        }.sorted()
        firstWeekDay = start.day - (startDate.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
    }

    /// One period's instances in time order, when the period exists.
    struct Period {
        /// The period's first moment; the walk stops once it passes the window.
        var begin: WallTime
        var times: [WallTime]
        /// The next period worth looking at (sub-daily rules skip days their filters refuse).
        var next: Int
    }

    /// A period number at or before the one holding `time`, to start a walk that needs no count.
    func period(holding time: WallTime) -> Int {
        guard time > start else { return 0 }
        let interval = rule.interval
        let elapsed: Int
        switch rule.frequency {
        case .yearly: elapsed = time.date.year - startDate.year
        case .monthly: elapsed = (time.date.year - startDate.year) * 12 + time.date.month - startDate.month
        case .weekly: elapsed = (time.day - firstWeekDay).floorDivided(by: 7)
        case .daily: elapsed = time.day - start.day
        case .hourly, .minutely, .secondly:
            let unit = unitSeconds
            elapsed = time.secondsSinceEpoch.floorDivided(by: unit) - start.secondsSinceEpoch.floorDivided(by: unit)
        }
        return max(0, elapsed / interval - 1)
    }

    private var unitSeconds: Int {
        switch rule.frequency {
        case .hourly: 3600
        case .minutely: 60
        default: 1
        }
    }

    /// The instances of period number `index`, or `nil` when it lies beyond year 9999.
    func instances(inPeriod index: Int) -> Period? {
        let (step, overflow) = index.multipliedReportingOverflow(by: rule.interval)
        guard !overflow else { return nil }
        switch rule.frequency {
        case .yearly:
            let (year, overflow) = startDate.year.addingReportingOverflow(step)
            guard !overflow, year <= 9999, let first = IssueDate(year: year, month: 1, day: 1) else { return nil }
            var days: [Int] = []
            for month in 1...12 where months.isEmpty || months.contains(month) {
                days += self.days(ofMonth: month, year: year)
            }
            return Period(begin: WallTime(date: first), times: setPositions(days.sorted()), next: index + 1)
        case .monthly:
            let base = startDate.year * 12 + startDate.month - 1
            let (monthIndex, overflow) = base.addingReportingOverflow(step)
            guard !overflow, monthIndex <= 9999 * 12 + 11 else { return nil }
            let (year, month) = (monthIndex / 12, monthIndex % 12 + 1)
            guard let first = IssueDate(year: year, month: month, day: 1) else { return nil }
            let days = months.isEmpty || months.contains(month) ? self.days(ofMonth: month, year: year) : []
            return Period(begin: WallTime(date: first), times: setPositions(days), next: index + 1)
        case .weekly, .daily:
            let (length, base) = rule.frequency == .weekly ? (7, firstWeekDay) : (1, start.day)
            let (offset, overflowOffset) = step.multipliedReportingOverflow(by: length)
            let (first, overflowFirst) = base.addingReportingOverflow(offset)
            guard !overflowOffset, !overflowFirst, first <= WallTime.lastDay else { return nil }
            let days = (first..<first + length).filter { matches(DayFacts(day: $0)) }
            return Period(begin: WallTime(day: first), times: setPositions(days), next: index + 1)
        case .hourly, .minutely, .secondly:
            return subDailyInstances(inPeriod: index, step: step)
        }
    }

    /// The days of one month (or, with `SKIP=FORWARD`, the day after it) the rule picks.
    private func days(ofMonth month: Int, year: Int) -> [Int] {
        guard let first = IssueDate(year: year, month: month, day: 1) else { return [] }
        let firstDay = first.daysSinceEpoch
        let length = DayFacts.length(ofMonth: month, year: year)
        // The month's days are described from its first, without a calendar conversion each.
        let yearStart = DayFacts.firstDay(ofYear: year)
        let yearLength = DayFacts.isLeap(year) ? 366 : 365
        let firstWeekday = DayFacts.weekday(of: firstDay)
        var days = (0..<length).compactMap { offset -> Int? in
            let facts = DayFacts(
                day: firstDay + offset, year: year, month: month, monthDay: offset + 1, monthLength: length,
                yearDay: firstDay + offset - yearStart + 1, yearLength: yearLength,
                weekday: Weekday(rawValue: (firstWeekday + offset) % 7)!)
            return matches(facts) ? facts.day : nil
        }
        let missing = !monthDays.isEmpty && monthDays.allSatisfy { abs($0) > length }
        let simple = rule.byDay.isEmpty && rule.byYearDay.isEmpty && rule.byWeekNumber.isEmpty
        if missing, simple, days.isEmpty {
            switch rule.skip {
            case .omit: break
            case .backward: days = [firstDay + length - 1]
            case .forward: days = [firstDay + length]
            }
        }
        return days
    }

    /// `BYSETPOS` over a period's instances (its days at each time of day), in time order.
    private func setPositions(_ days: [Int]) -> [WallTime] {
        var times: [WallTime] = []
        times.reserveCapacity(days.count * timesOfDay.count)
        for day in days {
            for second in timesOfDay { times.append(WallTime(day: day, second: second)) }
        }
        return pickPositions(times)
    }

    private func pickPositions(_ times: [WallTime]) -> [WallTime] {
        guard !rule.bySetPosition.isEmpty else { return times }
        let picked = rule.bySetPosition.compactMap { position -> WallTime? in
            let index = position > 0 ? position - 1 : times.count + position
            return times.indices.contains(index) ? times[index] : nil
        }
        return Array(Set(picked)).sorted()
    }

    /// An hourly, minutely or secondly period: one hour, minute or second, limited by every
    /// `BY…` part above it, expanded by those below it.
    private func subDailyInstances(inPeriod index: Int, step: Int) -> Period? {
        let unit = unitSeconds
        let base = start.secondsSinceEpoch.floorDivided(by: unit)
        let (unitIndex, overflow) = base.addingReportingOverflow(step)
        let (beginSeconds, overflowSeconds) = unitIndex.multipliedReportingOverflow(by: unit)
        guard !overflow, !overflowSeconds else { return nil }
        let begin = WallTime(secondsSinceEpoch: beginSeconds)
        guard begin.day <= WallTime.lastDay else { return nil }
        /// The first period starting at or after `seconds`, to skip what a filter refuses.
        func firstPeriod(atOrAfter target: Int) -> Int {
            let units = target.floorDivided(by: unit) - base
            let (quotient, remainder) = units.quotientAndRemainder(dividingBy: rule.interval)
            return max(index + 1, remainder > 0 ? quotient + 1 : quotient)
        }
        guard matches(DayFacts(day: begin.day)) else {
            return Period(begin: begin, times: [], next: firstPeriod(atOrAfter: (begin.day + 1) * 86_400))
        }
        let hour = begin.second / 3600
        if !rule.byHour.isEmpty, !rule.byHour.contains(hour) {
            let next =
                rule.frequency == .hourly
                ? index + 1 : firstPeriod(atOrAfter: begin.day * 86_400 + (hour + 1) * 3600)
            return Period(begin: begin, times: [], next: next)
        }
        let minute = begin.second / 60 % 60
        if rule.frequency == .secondly, !rule.byMinute.isEmpty, !rule.byMinute.contains(minute) {
            return Period(begin: begin, times: [], next: firstPeriod(atOrAfter: beginSeconds - begin.second % 60 + 60))
        }
        if rule.frequency == .minutely, !rule.byMinute.isEmpty, !rule.byMinute.contains(minute) {
            return Period(begin: begin, times: [], next: index + 1)
        }
        if rule.frequency == .secondly, !rule.bySecond.isEmpty, !rule.bySecond.contains(begin.second % 60) {
            return Period(begin: begin, times: [], next: index + 1)
        }
        let times: [WallTime]
        switch rule.frequency {
        case .hourly:
            times = minutes.flatMap { minute in
                seconds.map { WallTime(day: begin.day, second: hour * 3600 + minute * 60 + $0) }
            }.sorted()
        case .minutely:
            times = seconds.map { WallTime(day: begin.day, second: hour * 3600 + minute * 60 + $0) }
        default:
            times = [begin]
        }
        return Period(begin: begin, times: pickPositions(times), next: index + 1)
    }

    /// Whether the rule's day parts pick `day`: `BYMONTH`, `BYWEEKNO`, `BYYEARDAY`,
    /// `BYMONTHDAY`, `BYDAY` (ordinals counted in the month or the year as RFC 5545 says).
    private func matches(_ day: DayFacts) -> Bool {
        if !months.isEmpty, !months.contains(day.month) { return false }
        if !rule.byWeekNumber.isEmpty {
            let (number, weeks) = day.weekNumber(weekStart: rule.weekStart)
            guard rule.byWeekNumber.contains(where: { $0 == number || $0 == number - weeks - 1 }) else { return false }
        }
        if !rule.byYearDay.isEmpty {
            guard rule.byYearDay.contains(where: { $0 == day.yearDay || $0 == day.yearDay - day.yearLength - 1 })
            else { return false }
        }
        if !monthDays.isEmpty {
            let fromEnd = day.monthDay - day.monthLength - 1
            let backward =
                rule.skip == .backward && day.monthDay == day.monthLength
                && monthDays.contains { abs($0) > day.monthLength }
            guard backward || monthDays.contains(where: { $0 == day.monthDay || $0 == fromEnd }) else { return false }
        }
        if !weekdays.isEmpty {
            let ordinalsCount = rule.frequency == .monthly || (rule.frequency == .yearly && rule.byWeekNumber.isEmpty)
            let inMonth = rule.frequency == .monthly || !rule.byMonth.isEmpty
            guard
                weekdays.contains(where: { entry in
                    guard entry.weekday == day.weekday else { return false }
                    guard let ordinal = entry.ordinal, ordinalsCount else { return true }
                    let (position, length) = inMonth ? (day.monthDay, day.monthLength) : (day.yearDay, day.yearLength)
                    return ordinal > 0 ? (position - 1) / 7 + 1 == ordinal : -((length - position) / 7 + 1) == ordinal
                })
            else { return false }
        }
        return true
    }
}
