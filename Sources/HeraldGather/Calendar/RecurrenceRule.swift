import HeraldCore

/// An `RRULE` (RFC 5545 §3.3.10, with RFC 7529's `RSCALE=GREGORIAN` and `SKIP`): every part of
/// the grammar, so a rule is either followed exactly or refused with the part at fault.
struct RecurrenceRule: Hashable, Sendable {
    /// `FREQ`, ordered from the shortest period to the longest.
    enum Frequency: Int, Comparable, Sendable {
        case secondly, minutely, hourly, daily, weekly, monthly, yearly

        init?(name: String) {
            let names: [String: Frequency] = [
                "SECONDLY": .secondly, "MINUTELY": .minutely, "HOURLY": .hourly, "DAILY": .daily,
                "WEEKLY": .weekly, "MONTHLY": .monthly, "YEARLY": .yearly,
            ]
            guard let frequency = names[name] else { return nil }
            self = frequency
        }

        static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A `BYDAY` entry: a weekday, with an ordinal in monthly and yearly rules (`2TU`, `-1FR`).
    struct WeekdayRule: Hashable, Sendable {
        var weekday: Weekday
        var ordinal: Int?
    }

    /// RFC 7529 `SKIP`: what a day that does not exist (the 31st of April) becomes.
    enum Skip: String, Sendable {
        case omit = "OMIT"
        case backward = "BACKWARD"
        case forward = "FORWARD"
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: CalendarDateTime?
    var bySecond: [Int] = []
    var byMinute: [Int] = []
    var byHour: [Int] = []
    var byDay: [WeekdayRule] = []
    var byMonthDay: [Int] = []
    var byYearDay: [Int] = []
    var byWeekNumber: [Int] = []
    var byMonth: [Int] = []
    var bySetPosition: [Int] = []
    var weekStart: Weekday = .monday
    var skip: Skip = .omit

    /// Parses `FREQ=MONTHLY;BYDAY=2TU;UNTIL=20251231T000000Z`.
    ///
    /// - Throws: a message naming the part Herald cannot follow: an unknown frequency, a number
    ///   out of range, a part given twice, a calendar scale other than Gregorian.
    init(parsing text: String) throws(ContentLineError) {
        var frequency: Frequency?
        var seen: Set<String> = []
        for part in text.split(separator: ";", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard pieces.count == 2 else { throw ContentLineError(message: "RRULE part '\(part)' has no '='") }
            let (name, value) = (pieces[0].uppercased(), pieces[1].uppercased())
            guard seen.insert(name).inserted else {
                throw ContentLineError(message: "RRULE gives \(name) twice")
            }
            switch name {
            case "FREQ":
                guard let parsed = Frequency(name: value) else {
                    throw ContentLineError(message: "RRULE frequency \(value) is not an RFC 5545 frequency")
                }
                frequency = parsed
            case "INTERVAL": interval = try Self.positive(value, name: name)
            case "COUNT": count = try Self.positive(value, name: name)
            case "UNTIL":
                guard let date = CalendarDateTime(value, tzid: nil) else {
                    throw ContentLineError(message: "RRULE UNTIL '\(value)' is not a date or date-time")
                }
                until = date
            case "BYSECOND": bySecond = try Self.numbers(value, in: 0...60, name: name, signed: false)
            case "BYMINUTE": byMinute = try Self.numbers(value, in: 0...59, name: name, signed: false)
            case "BYHOUR": byHour = try Self.numbers(value, in: 0...23, name: name, signed: false)
            case "BYDAY":
                byDay = try value.split(separator: ",").map { entry throws(ContentLineError) in
                    try Self.weekdayRule(entry.trimmingSpaces)
                }
            case "BYMONTHDAY": byMonthDay = try Self.numbers(value, in: 1...31, name: name)
            case "BYYEARDAY": byYearDay = try Self.numbers(value, in: 1...366, name: name)
            case "BYWEEKNO": byWeekNumber = try Self.numbers(value, in: 1...53, name: name)
            case "BYMONTH": byMonth = try Self.numbers(value, in: 1...12, name: name, signed: false)
            case "BYSETPOS": bySetPosition = try Self.numbers(value, in: 1...366, name: name)
            case "WKST": weekStart = try Self.weekday(value)
            case "RSCALE":
                guard value == "GREGORIAN" || value == "GREGORY" else {
                    throw ContentLineError(
                        message: "RRULE calendar scale RSCALE=\(value) is not followed, only GREGORIAN")
                }
            case "SKIP":
                guard let parsed = Skip(rawValue: value) else {
                    throw ContentLineError(message: "RRULE SKIP '\(value)' is not OMIT, BACKWARD or FORWARD")
                }
                skip = parsed
            default:
                guard name.hasPrefix("X-") else {
                    throw ContentLineError(message: "RRULE part \(name) is not an RFC 5545 part")
                }
            }
        }
        guard let frequency else { throw ContentLineError(message: "RRULE has no FREQ") }
        guard count == nil || until == nil else {
            throw ContentLineError(message: "RRULE gives both COUNT and UNTIL")
        }
        self.frequency = frequency
    }

    private static func positive(_ text: String, name: String) throws(ContentLineError) -> Int {
        guard let number = Int(text), number > 0 else {
            throw ContentLineError(message: "RRULE \(name) '\(text)' is not a positive number Herald can count to")
        }
        return number
    }

    private static func weekdayRule(_ text: String) throws(ContentLineError) -> WeekdayRule {
        guard text.count >= 2 else { throw ContentLineError(message: "RRULE BYDAY '\(text)' is not a weekday") }
        let weekday = try weekday(String(text.suffix(2)))
        let prefix = text.dropLast(2)
        guard !prefix.isEmpty else { return WeekdayRule(weekday: weekday, ordinal: nil) }
        guard let ordinal = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), ordinal != 0,
            ordinal.magnitude <= 53
        else { throw ContentLineError(message: "RRULE BYDAY '\(text)' has an ordinal outside ±1…53") }
        return WeekdayRule(weekday: weekday, ordinal: ordinal)
    }

    private static func weekday(_ code: String) throws(ContentLineError) -> Weekday {
        let codes = [
            "SU": Weekday.sunday, "MO": .monday, "TU": .tuesday, "WE": .wednesday, "TH": .thursday,
            "FR": .friday, "SA": .saturday,
        ]
        guard let day = codes[code] else { throw ContentLineError(message: "'\(code)' is not a weekday code") }
        return day
    }

    /// Comma-separated numbers whose magnitude lies in `range`; negative ones, when `signed`,
    /// count from the end of the month or year.
    private static func numbers(_ text: String, in range: ClosedRange<Int>, name: String, signed: Bool = true)
        throws(ContentLineError) -> [Int]
    {
        let numbers = try text.split(separator: ",").map { part throws(ContentLineError) in
            let digits = part.trimmingSpaces
            guard let number = Int(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits),
                range.contains(signed ? Int(clamping: number.magnitude) : number)
            else {
                throw ContentLineError(message: "RRULE \(name) '\(part)' is out of range")
            }
            return number
        }
        guard !numbers.isEmpty else { throw ContentLineError(message: "RRULE \(name) is empty") }
        return Array(Set(numbers)).sorted()
    }
}

extension Substring {
    /// The text without surrounding spaces, as a `String`.
    var trimmingSpaces: String {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = self[start...].lastIndex { $0 != " " }.map(index(after:)) ?? start
        return String(self[start..<end])
    }
}
