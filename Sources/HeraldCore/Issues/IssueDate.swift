/// A calendar day in the proleptic Gregorian calendar, with no time zone.
///
/// Newsletter issues are dated by day, and the day printed in a file must never shift with
/// the machine's time zone, so Herald keeps dates as plain year-month-day values and does its
/// arithmetic (weekdays, weeks between issues) on day counts rather than on `Foundation.Date`.
public struct IssueDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns `nil` when the day does not exist (e.g. 2025-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...IssueDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil-from-days algorithm.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01; negative before it.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week this date falls on.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + Weekday.thursday.rawValue) % 7
        return Weekday(rawValue: index)!
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> IssueDate {
        IssueDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Whole days from `self` to `other`; negative when `other` is earlier.
    public func days(to other: IssueDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The first date on or after `self` that falls on `weekday`.
    public func next(_ weekday: Weekday) -> IssueDate {
        adding(days: (weekday.rawValue - self.weekday.rawValue + 7) % 7)
    }

    /// Parses `YYYY-MM-DD`. One-digit months and days (`2020-12-2`) are accepted because
    /// Pelican accepts them and the TWiR archive has two.
    ///
    /// Read in one pass over the bytes: dates are parsed for every issue and every event line.
    public init?(parsing text: some StringProtocol) {
        var values = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                part += 1
                guard part < 3 else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch part {
            case 0: (values.0, digits.0) = (values.0 * 10 + digit, digits.0 + 1)
            case 1: (values.1, digits.1) = (values.1 * 10 + digit, digits.1 + 1)
            default: (values.2, digits.2) = (values.2 * 10 + digit, digits.2 + 1)
            }
            guard digits.0 <= 4, digits.1 <= 2, digits.2 <= 2 else { return nil }
        }
        guard part == 2, digits.0 == 4, digits.1 >= 1, digits.2 >= 1 else { return nil }
        self.init(year: values.0, month: values.1, day: values.2)
    }

    /// `YYYY-MM-DD`, zero-padded.
    ///
    /// Written digit by digit into a string short enough to need no allocation: every page,
    /// feed entry and insight names dates, some hundred thousand a build.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(year.padded(4))-\(month.padded(2))-\(day.padded(2))"
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func write(_ value: Int, width: Int, at offset: Int) {
                var value = value
                for index in (offset..<(offset + width)).reversed() {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            write(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            write(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            write(day, width: 2, at: 8)
            return 10
        }
    }

    public static func < (lhs: IssueDate, rhs: IssueDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = IssueDate(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Int {
    func padded(_ width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
