import Foundation
import HeraldCore

/// A `DATE` or `DATE-TIME` value as written: a day, a time of day unless it is a date, and the
/// clock the time is on (floating, UTC, or a `TZID`).
///
/// The `TZID` is kept as written; the feed resolves it (IANA name, Windows name, or the feed's
/// own `VTIMEZONE`) when it needs to compare values written on different clocks.
struct CalendarDateTime: Hashable, Sendable {
    enum Zone: Hashable, Sendable {
        /// No zone: the same wall-clock time everywhere.
        case floating
        /// A `Z` suffix.
        case utc
        /// A `TZID` parameter, as written.
        case named(String)
    }

    /// The day and time on the value's own clock; midnight for a date.
    var time: WallTime
    /// A `DATE` value: an all-day event, or a whole day excluded.
    var isDate: Bool
    var zone: Zone

    var date: IssueDate { time.date }

    /// Parses `20250702`, `20250702T183000`, `20250702T183000Z`, with the property's `TZID`.
    init?(_ text: some StringProtocol, tzid: String?) {
        let characters = Self.trimmedBytes(text)
        guard characters.count >= 8, let year = Self.number(characters[0..<4]),
            let month = Self.number(characters[4..<6]), let day = Self.number(characters[6..<8]),
            let date = IssueDate(year: year, month: month, day: day)
        else { return nil }
        if characters.count == 8 {
            self.init(time: WallTime(date: date), isDate: true, zone: .floating)
            return
        }
        guard characters.count >= 15, characters[8] == UInt8(ascii: "T"), let hour = Self.number(characters[9..<11]),
            let minute = Self.number(characters[11..<13]), let second = Self.number(characters[13..<15]), hour < 24,
            minute < 60, second <= 60
        else { return nil }
        // A leap second (60) is read as the last second of its minute.
        let time = WallTime(date: date, second: hour * 3600 + minute * 60 + min(second, 59))
        if characters.count == 16, characters[15] == UInt8(ascii: "Z") {
            self.init(time: time, isDate: false, zone: .utc)
        } else if characters.count == 15 {
            self.init(time: time, isDate: false, zone: tzid.flatMap(\.nonBlank).map { .named($0) } ?? .floating)
        } else {
            return nil
        }
    }

    init(time: WallTime, isDate: Bool, zone: Zone) {
        self.time = time
        self.isDate = isDate
        self.zone = zone
    }

    /// The value of a `DTSTART`-like property.
    init?(_ property: ContentLine) {
        self.init(property.value, tzid: property.parameter("TZID"))
    }

    /// Every value of an `EXDATE` or `RDATE` property (comma-separated); unreadable ones are `nil`.
    ///
    /// A period (`VALUE=PERIOD`, `start/end` or `start/duration`) stands for its start, the
    /// moment the occurrence begins.
    static func list(_ property: ContentLine) -> [CalendarDateTime?] {
        let tzid = property.parameter("TZID")
        return property.value.split(separator: ",").map { value in
            let start = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? value
            return CalendarDateTime(start, tzid: tzid)
        }
    }

    /// The bytes of `text` without surrounding spaces and tabs; Foundation trims only values
    /// that begin or end with other characters (a no-break space), which no digit is.
    private static func trimmedBytes(_ text: some StringProtocol) -> [UInt8] {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80 else {
            return Array(String(text).trimmingCharacters(in: .whitespaces).utf8)
        }
        while let last = bytes.last, isBlank(last) { bytes.removeLast() }
        let leading = bytes.prefix(while: isBlank).count
        return leading == 0 ? bytes : Array(bytes.dropFirst(leading))
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
