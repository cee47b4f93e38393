/// The date at the start of an old-style event line, where the year is usually left out:
/// `Jun  7.`, `Mar 21-22.`, `3/9.`, `March 4,`, `June 8, 2021,`, `March 13th,`.
///
/// A missing year is the one that puts the event closest to the issue's date, so a December
/// issue's "Jan 5" event falls in the next year.
struct LegacyEventDate {
    var date: IssueDate
    /// The date as written, without the separator after it.
    var text: String
    /// What follows the date.
    var rest: String

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    init?(parsing written: String, near issueDate: IssueDate) {
        let characters = Array(written.trimmingWhitespace)
        var index = 0
        func digits() -> Int? {
            let start = index
            while index < characters.count, characters[index].isASCIIDigit { index += 1 }
            return index > start ? Int(String(characters[start..<index])) : nil
        }
        func skipSpaces() {
            while index < characters.count, characters[index] == " " { index += 1 }
        }
        let month: Int
        let day: Int
        var year: Int?
        if let first = digits() {
            guard index < characters.count, characters[index] == "/" else { return nil }
            index += 1
            guard let second = digits() else { return nil }
            (month, day) = (first, second)
        } else {
            let start = index
            while index < characters.count, characters[index].isLetter { index += 1 }
            let word = String(characters[start..<index]).lowercased()
            guard word.count >= 3,
                let found = LegacyEventDate.months.firstIndex(where: { $0.hasPrefix(word) || word == "sept" && $0 == "september" })
            else { return nil }
            month = found + 1
            if index < characters.count, characters[index] == "." { index += 1 }
            skipSpaces()
            guard let number = digits() else { return nil }
            day = number
            for suffix in ["st", "nd", "rd", "th"] where String(characters[index..<min(index + 2, characters.count)]) == suffix {
                index += 2
            }
            if index < characters.count, characters[index] == "-" || characters[index] == "–" {
                index += 1
                _ = digits()
            }
            let beforeYear = index
            if index < characters.count, characters[index] == "," {
                index += 1
                skipSpaces()
                if let number = digits(), number >= 1000 { year = number } else { index = beforeYear }
            }
        }
        let text = String(characters[0..<index])
        if index < characters.count, ".,:".contains(characters[index]) { index += 1 }
        let resolvedYear = year ?? LegacyEventDate.year(ofMonth: month, near: issueDate)
        guard let date = IssueDate(year: resolvedYear, month: month, day: day) else { return nil }
        self.date = date
        self.text = text
        self.rest = String(characters[index...]).trimmingWhitespace
    }

    private static func year(ofMonth month: Int, near issueDate: IssueDate) -> Int {
        if month - issueDate.month > 6 { return issueDate.year - 1 }
        if issueDate.month - month > 6 { return issueDate.year + 1 }
        return issueDate.year
    }
}
