import Foundation

/// Mailchimp's export time stamps, `2021-05-03 14:22:10` in UTC, read without a date formatter
/// (an import reads three per row, and formatters are slow).
enum MailchimpTime {
    /// The time `text` names, `nil` for an empty field; throws for anything else.
    static func parse(_ text: String) throws(ImportRowProblem) -> Date? {
        var utf8 = Array(text.utf8)[...]
        while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
        while utf8.last == 0x20 { utf8 = utf8.dropLast() }
        if utf8.isEmpty { return nil }
        let field = Array(utf8)
        guard field.count == 19, field[4] == 0x2D, field[7] == 0x2D, field[10] == 0x20 || field[10] == 0x54,
            field[13] == 0x3A, field[16] == 0x3A,
            let year = number(field[0..<4]), let month = number(field[5..<7]), let day = number(field[8..<10]),
            let hour = number(field[11..<13]), let minute = number(field[14..<16]),
            let second = number(field[17..<19]),
            (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60,
            second < 61
        else {
            // Shown without control characters (a terminal would obey escape sequences) and cut short.
            let shown = String(decoding: utf8.prefix(40), as: UTF8.self).unicodeScalars
                .filter { $0.value >= 0x20 && $0.value != 0x7F }
            let text = String(String.UnicodeScalarView(shown))
            throw ImportRowProblem("'\(text)' is not a time like 2021-05-03 14:22:10")
        }
        let days = daysSince1970(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (0x30...0x39).contains(digit) else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's civil-days method).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
