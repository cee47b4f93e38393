import Foundation
import HeraldCore

/// A `DATE` or `DATE-TIME` value as written: a day, a time of day unless the event lasts all
/// day, and how the time is anchored (floating, UTC, or a named time zone).
///
/// Herald lists an event on its local date, the day printed on the poster. Values written in
/// a time zone already are local; only UTC values are moved, into the feed's time zone.
struct CalendarDateTime: Hashable, Sendable {
    enum Zone: Hashable, Sendable {
        /// No zone: the same wall-clock time everywhere.
        case floating
        /// A `Z` suffix.
        case utc
        /// A `TZID` parameter that names a time zone Foundation knows.
        case named(String)
    }

    var date: IssueDate
    /// Minutes after midnight; `nil` for a `DATE` value (an all-day event).
    var minutes: Int?
    var zone: Zone

    /// Parses `20250702`, `20250702T183000`, `20250702T183000Z`, with the property's `TZID`.
    ///
    /// A `TZID` Foundation does not know (a Windows name, a custom `VTIMEZONE`) is kept as a
    /// floating time, which is what its value says on the wall clock.
    init?(_ text: String, tzid: String?) {
        let characters = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard characters.count >= 8, let year = Self.number(characters[0..<4]),
            let month = Self.number(characters[4..<6]), let day = Self.number(characters[6..<8]),
            let date = IssueDate(year: year, month: month, day: day)
        else { return nil }
        self.date = date
        if characters.count == 8 {
            minutes = nil
            zone = .floating
            return
        }
        guard characters.count >= 15, characters[8] == UInt8(ascii: "T"), let hour = Self.number(characters[9..<11]),
            let minute = Self.number(characters[11..<13]), Self.number(characters[13..<15]) != nil, hour < 24,
            minute < 60
        else { return nil }
        minutes = hour * 60 + minute
        if characters.count == 16, characters[15] == UInt8(ascii: "Z") {
            zone = .utc
        } else if characters.count == 15 {
            zone = tzid.flatMap { TimeZone(identifier: $0) }.map { .named($0.identifier) } ?? .floating
        } else {
            return nil
        }
    }

    init(date: IssueDate, minutes: Int?, zone: Zone) {
        self.date = date
        self.minutes = minutes
        self.zone = zone
    }

    /// The value of a `DTSTART`-like property.
    init?(_ property: ContentLine) {
        self.init(property.value, tzid: property.parameter("TZID"))
    }

    /// Every value of an `EXDATE` or `RDATE` property (comma-separated); unreadable ones are `nil`.
    static func list(_ property: ContentLine) -> [CalendarDateTime?] {
        property.value.split(separator: ",").map { CalendarDateTime(String($0), tzid: property.parameter("TZID")) }
    }

    /// The wall-clock day and time, moving a UTC value into `zone`.
    func local(utcTo zone: TimeZone) -> LocalTime {
        guard self.zone == .utc, let minutes else { return LocalTime(date: date, minutes: minutes) }
        let seconds = TimeInterval(date.daysSinceEpoch * 86_400 + minutes * 60)
        let instant = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let localDate = IssueDate(year: year, month: month, day: day)
        else { return LocalTime(date: date, minutes: minutes) }
        return LocalTime(date: localDate, minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// The time zone a named value is in, for moving UTC values next to it.
    var timeZone: TimeZone? {
        if case .named(let identifier) = zone { return TimeZone(identifier: identifier) }
        return nil
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}

/// A day and, unless all-day, minutes after midnight, on the event's own wall clock.
struct LocalTime: Hashable, Comparable, Sendable {
    var date: IssueDate
    var minutes: Int?

    static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.date, lhs.minutes ?? -1) < (rhs.date, rhs.minutes ?? -1)
    }
}
