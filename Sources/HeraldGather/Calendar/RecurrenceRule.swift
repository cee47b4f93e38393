import HeraldCore

/// An `RRULE` (RFC 5545 §3.3.10), limited to the patterns meetups use: every n days, weeks,
/// months or years; weekdays in a week; "the second Tuesday" or "the last Friday" of a month;
/// days of the month; `COUNT` and `UNTIL`.
struct RecurrenceRule: Hashable, Sendable {
    enum Frequency: String, Sendable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A `BYDAY` entry: a weekday, with an ordinal for monthly rules (`2TU`, `-1FR`).
    struct WeekdayRule: Hashable, Sendable {
        var weekday: Weekday
        var ordinal: Int?
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: CalendarDateTime?
    var byDay: [WeekdayRule] = []
    var byMonthDay: [Int] = []
    var byMonth: [Int] = []
    var bySetPosition: [Int] = []
    var weekStart: Weekday = .monday

    /// Parses `FREQ=MONTHLY;BYDAY=2TU;UNTIL=20251231T000000Z`.
    ///
    /// - Throws: a message naming the part Herald cannot follow (`FREQ=HOURLY`, a bad `BYDAY`).
    init(parsing text: String) throws(ContentLineError) {
        var frequency: Frequency?
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw ContentLineError(message: "RRULE part '\(part)' has no '='") }
            let (name, value) = (pieces[0].uppercased(), pieces[1].uppercased())
            switch name {
            case "FREQ":
                guard let parsed = Frequency(rawValue: value) else {
                    throw ContentLineError(message: "RRULE frequency \(value) is not one Herald follows")
                }
                frequency = parsed
            case "INTERVAL":
                guard let number = Int(value), number > 0 else {
                    throw ContentLineError(message: "RRULE INTERVAL '\(value)' is not a positive number")
                }
                interval = number
            case "COUNT":
                guard let number = Int(value), number > 0 else {
                    throw ContentLineError(message: "RRULE COUNT '\(value)' is not a positive number")
                }
                count = number
            case "UNTIL":
                guard let date = CalendarDateTime(value, tzid: nil) else {
                    throw ContentLineError(message: "RRULE UNTIL '\(value)' is not a date")
                }
                until = date
            case "BYDAY":
                byDay = try value.split(separator: ",").map { entry throws(ContentLineError) in
                    try Self.weekdayRule(String(entry))
                }
            case "BYMONTHDAY":
                byMonthDay = try Self.numbers(value, in: 1...31, name: name)
            case "BYMONTH":
                byMonth = try Self.numbers(value, in: 1...12, name: name)
            case "BYSETPOS":
                bySetPosition = try Self.numbers(value, in: 1...366, name: name)
            case "WKST":
                weekStart = try Self.weekday(value)
            default:
                continue
            }
        }
        guard let frequency else { throw ContentLineError(message: "RRULE has no FREQ") }
        self.frequency = frequency
    }

    private static func weekdayRule(_ text: String) throws(ContentLineError) -> WeekdayRule {
        guard text.count >= 2 else { throw ContentLineError(message: "RRULE BYDAY '\(text)' is not a weekday") }
        let weekday = try weekday(String(text.suffix(2)))
        let prefix = text.dropLast(2)
        guard !prefix.isEmpty else { return WeekdayRule(weekday: weekday, ordinal: nil) }
        guard let ordinal = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), ordinal != 0, abs(ordinal) <= 53
        else { throw ContentLineError(message: "RRULE BYDAY '\(text)' has a bad ordinal") }
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

    /// Comma-separated numbers whose magnitude lies in `range` (negative ones count from the end).
    private static func numbers(_ text: String, in range: ClosedRange<Int>, name: String) throws(ContentLineError)
        -> [Int]
    {
        try text.split(separator: ",").map { part throws(ContentLineError) in
            guard let number = Int(part.hasPrefix("+") ? part.dropFirst() : part), range.contains(abs(number)) else {
                throw ContentLineError(message: "RRULE \(name) '\(part)' is out of range")
            }
            return number
        }
    }
}
