/// How far apart issues come out, `[schedule] every`: a number of weeks or of months.
///
/// Months are counted on the calendar rather than as 30 days, because a monthly comes out on
/// the same day of each month (or the same weekday of the same week), not every 30 days.
public struct ScheduleInterval: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Hashable, Sendable {
        case week
        case month
    }

    /// How many units: 1–52 weeks or 1–12 months.
    public let count: Int
    public let unit: Unit

    /// One week, This Week in Rust's interval.
    public static let week = ScheduleInterval(checkedCount: 1, unit: .week)

    /// The interval, or `nil` when `count` is outside 1–52 weeks or 1–12 months.
    public init?(count: Int, unit: Unit) {
        guard (1...(unit == .week ? 52 : 12)).contains(count) else { return nil }
        self.init(checkedCount: count, unit: unit)
    }

    private init(checkedCount count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// `"1 week"`, `"2 weeks"`, `"1 month"`, as `every` is written.
    public var description: String {
        "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")"
    }

    /// The date `intervals` intervals after `start`.
    ///
    /// Weeks add days. Months keep the day of the month (the month's last day when it is
    /// shorter, counted from `start` so that a chain never drifts), or, given a weekday, the
    /// same weekday in the same week of the month: the first Friday stays the first Friday, and
    /// a fifth one becomes the month's last.
    public func date(_ intervals: Int, after start: IssueDate, on weekday: Weekday? = nil) -> IssueDate {
        switch unit {
        case .week:
            return start.adding(days: 7 * count * intervals)
        case .month:
            let months = start.year * 12 + start.month - 1 + count * intervals
            let year = months / 12
            let month = months % 12 + 1
            let length = IssueDate.daysIn(month: month, year: year)
            guard let weekday else {
                return IssueDate(year: year, month: month, day: min(start.day, length))!
            }
            let week = (start.day - 1) / 7
            let first = IssueDate(year: year, month: month, day: 1)!.next(weekday)
            let same = first.adding(days: 7 * week)
            return same.month == month ? same : same.adding(days: -7)
        }
    }

    /// Whole intervals from `start` to `end`, rounded to the nearest: how many issues a
    /// newsletter numbered by its schedule skipped.
    public func intervals(from start: IssueDate, to end: IssueDate) -> Int {
        switch unit {
        case .week:
            return Int((Double(start.days(to: end)) / Double(7 * count)).rounded())
        case .month:
            let months = (end.year - start.year) * 12 + end.month - start.month
            let days = Double(end.day - start.day) / Self.averageMonthDays
            return Int(((Double(months) + days) / Double(count)).rounded())
        }
    }

    /// The Gregorian calendar's mean month, 365.2425 / 12 days.
    private static let averageMonthDays = 30.436875

    /// Reads `every`: a whole number and `week`, `weeks`, `month` or `months`, any case.
    static func parsing(_ text: String) -> Result<ScheduleInterval, Problem> {
        let words = text.lowercased().split(separator: " ")
        let fix = "write a number of weeks or months, such as \"1 week\", \"2 weeks\" or \"1 month\""
        guard words.count == 2, let count = Int(words[0]),
            let unit = Unit(rawValue: words[1].hasSuffix("s") ? String(words[1].dropLast()) : String(words[1]))
        else {
            return .failure(
                Problem(.invalidValue, message: "every '\(text)' is not an interval Herald schedules", fix: fix))
        }
        guard let interval = ScheduleInterval(count: count, unit: unit) else {
            return .failure(
                Problem(
                    .invalidValue, message: "every '\(text)' is out of range",
                    fix: "write from 1 to 52 weeks, or from 1 to 12 months"))
        }
        return .success(interval)
    }
}
