import HeraldMarkdown

/// The date at the start of an old-style event line, where the year is usually left out:
/// `Jun  7.`, `Mar 21-22.`, `3/9.`, `March 4,`, `June 8, 2021,`, `March 13th,`, `2014-12-08`.
///
/// A missing year is the one that puts the event closest to the issue's date, so a December
/// issue's "Jan 5" event falls in the next year.
struct LegacyEventDate {
    var date: IssueDate
    /// The date as written, without the separator after it.
    var text: String
    /// What follows the date.
    var rest: String

    private static let months: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ].map { Array($0.utf8) }

    init?(parsing written: String, near issueDate: IssueDate) {
        let bytes = Array(written.trimmingWhitespace.utf8)
        var index = 0
        func peek(_ byte: Character) -> Bool { index < bytes.count && bytes[index] == byte.asciiValue }
        func digits() -> Int? {
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            return index > start && index - start <= 4 ? bytes[start..<index].reduce(0) { $0 * 10 + Int($1 - 48) } : nil
        }
        func skipSpaces() {
            while peek(" ") { index += 1 }
        }
        var year: Int?
        let month: Int
        let day: Int
        if let first = digits() {
            if index == 4, peek("-"), let iso = IssueDate(firstIn: written.trimmingWhitespace.prefix(10)) {
                index = 10
                (year, month, day) = (iso.year, iso.month, iso.day)
            } else {
                guard peek("/") else { return nil }
                index += 1
                guard let second = digits() else { return nil }
                (month, day) = (first, second)
            }
        } else {
            let start = index
            while index < bytes.count, (65...90).contains(bytes[index]) || (97...122).contains(bytes[index]) {
                index += 1
            }
            let word = bytes[start..<index].map(ASCII.lowercased)
            guard word.count >= 3,
                let found = LegacyEventDate.months.firstIndex(where: { $0.starts(with: word) })
                    ?? (word == Array("sept".utf8) ? 8 : nil)
            else { return nil }
            month = found + 1
            if peek(".") { index += 1 }
            skipSpaces()
            guard let number = digits() else { return nil }
            day = number
            for suffix in ["st", "nd", "rd", "th"] where bytes[index...].starts(with: suffix.utf8) { index += 2 }
            if peek("-") {
                index += 1
                _ = digits()
            }
            let beforeYear = index
            if peek(",") {
                index += 1
                skipSpaces()
                if let number = digits(), number >= 1000 { year = number } else { index = beforeYear }
            }
        }
        let text = String(decoding: bytes[..<index], as: UTF8.self)
        if peek(".") || peek(",") || peek(":") { index += 1 }
        guard
            let date = IssueDate(
                year: year ?? LegacyEventDate.year(ofMonth: month, near: issueDate), month: month, day: day)
        else { return nil }
        self.date = date
        self.text = text
        self.rest = String(decoding: bytes[index...], as: UTF8.self).trimmingWhitespace
    }

    private static func year(ofMonth month: Int, near issueDate: IssueDate) -> Int {
        if month - issueDate.month > 6 { return issueDate.year - 1 }
        if issueDate.month - month > 6 { return issueDate.year + 1 }
        return issueDate.year
    }
}
