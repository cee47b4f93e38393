import HeraldCore

/// What recurrence rules ask of a day: its month, its place in the month and the year, its
/// weekday and its week number.
struct DayFacts {
    var day: Int
    var year: Int
    var month: Int
    var monthDay: Int
    var monthLength: Int
    var yearDay: Int
    var yearLength: Int
    var weekday: Weekday

    init(
        day: Int, year: Int, month: Int, monthDay: Int, monthLength: Int, yearDay: Int, yearLength: Int,
        weekday: Weekday
    ) {
        self.day = day
        self.year = year
        self.month = month
        self.monthDay = monthDay
        self.monthLength = monthLength
        self.yearDay = yearDay
        self.yearLength = yearLength
        self.weekday = weekday
    }

    init(day: Int) {
        let date = IssueDate(daysSinceEpoch: day)
        self.day = day
        year = date.year
        month = date.month
        monthDay = date.day
        monthLength = Self.length(ofMonth: date.month, year: date.year)
        yearDay = day - Self.firstDay(ofYear: date.year) + 1
        yearLength = Self.isLeap(date.year) ? 366 : 365
        weekday = date.weekday
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func firstDay(ofYear year: Int) -> Int {
        IssueDate(year: year, month: 1, day: 1)!.daysSinceEpoch
    }

    /// The weekday of a day count (1970-01-01 was a Thursday).
    static func weekday(of day: Int) -> Int {
        ((day % 7) + 7 + Weekday.thursday.rawValue) % 7
    }

    /// The day week 1 of `year` starts: the first week starting on `weekStart` that has at
    /// least four days in the year (RFC 5545 `BYWEEKNO`, ISO 8601 when the week starts on Monday).
    static func firstDayOfWeekOne(year: Int, weekStart: Weekday) -> Int {
        let januaryFirst = firstDay(ofYear: year)
        let offset = (weekday(of: januaryFirst) - weekStart.rawValue + 7) % 7
        return offset <= 3 ? januaryFirst - offset : januaryFirst + 7 - offset
    }

    /// The day's week number and how many weeks its week-numbering year has, which may be the
    /// year before or after its calendar year (31 December may be in week 1).
    func weekNumber(weekStart: Weekday) -> (number: Int, weeks: Int) {
        var weekYear = year
        var weekOne = Self.firstDayOfWeekOne(year: year, weekStart: weekStart)
        if day < weekOne {
            weekYear -= 1
            weekOne = Self.firstDayOfWeekOne(year: weekYear, weekStart: weekStart)
        } else {
            let next = Self.firstDayOfWeekOne(year: year + 1, weekStart: weekStart)
            if day >= next {
                weekYear += 1
                weekOne = next
            }
        }
        let weeks = (Self.firstDayOfWeekOne(year: weekYear + 1, weekStart: weekStart) - weekOne) / 7
        return ((day - weekOne) / 7 + 1, weeks)
    }
}
