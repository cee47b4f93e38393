import HeraldCore

/// A moment on some clock to the second: a day and the seconds since its midnight.
///
/// Recurrence is worked out on the clock `DTSTART` is written in (a zone's wall clock, UTC,
/// or a floating time), so values are plain day counts rather than `Foundation.Date`s: a
/// weekly event at 19:00 stays at 19:00 across daylight-saving changes. Days are kept within
/// the years iCalendar can write (0000–9999), so no arithmetic on them can overflow.
struct WallTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    var day: Int
    /// Seconds since midnight, `0..<86_400`.
    var second: Int

    static let secondsPerDay = 86_400
    /// The first and last days iCalendar's four-digit years can write.
    static let firstDay = IssueDate(year: 0, month: 1, day: 1)!.daysSinceEpoch
    static let lastDay = IssueDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch

    init(day: Int, second: Int = 0) {
        self.day = day
        self.second = second
    }

    init(date: IssueDate, second: Int = 0) {
        self.init(day: date.daysSinceEpoch, second: second)
    }

    /// The moment `seconds` after 1970-01-01T00:00:00 on the same clock.
    init(secondsSinceEpoch seconds: Int) {
        let (quotient, remainder) = seconds.quotientAndRemainder(dividingBy: Self.secondsPerDay)
        self.init(
            day: remainder < 0 ? quotient - 1 : quotient,
            second: remainder < 0 ? remainder + Self.secondsPerDay : remainder)
    }

    var date: IssueDate { IssueDate(daysSinceEpoch: day) }

    /// Seconds since 1970-01-01T00:00:00 on this clock; days are bounded, so this cannot overflow.
    var secondsSinceEpoch: Int { day * Self.secondsPerDay + second }

    /// Whether the day lies in the years iCalendar can write.
    var isWritable: Bool { (Self.firstDay...Self.lastDay).contains(day) }

    /// The moment `seconds` later, or `nil` beyond the years iCalendar can write.
    func adding(seconds: Int) -> WallTime? {
        let (sum, overflow) = secondsSinceEpoch.addingReportingOverflow(seconds)
        guard !overflow else { return nil }
        let moved = WallTime(secondsSinceEpoch: sum)
        return moved.isWritable ? moved : nil
    }

    static func < (lhs: WallTime, rhs: WallTime) -> Bool {
        (lhs.day, lhs.second) < (rhs.day, rhs.second)
    }

    var description: String {
        let (hour, minute, second) = (self.second / 3600, self.second / 60 % 60, self.second % 60)
        return "\(date)T\(hour.padded(2)):\(minute.padded(2)):\(second.padded(2))"
    }
}

extension Int {
    /// Two-digit zero padding for times.
    fileprivate func padded(_ width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// The floor of `self / divisor`, rounding towards minus infinity (for negative day counts).
    func floorDivided(by divisor: Int) -> Int {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder != 0 && (remainder < 0) != (divisor < 0) ? quotient - 1 : quotient
    }
}
