extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// The text without leading separators that join a link to its comment (`. `, `, `, ` – `).
    var trimmingLeadingSeparators: String {
        let separators: Set<Character> = [".", ",", ":", ";", "-", "–", "—", "|", "~"]
        guard let first = firstIndex(where: { !$0.isWhitespace && !separators.contains($0) }) else { return "" }
        return String(self[first...]).trimmingWhitespace
    }

    /// `nil` when the text is empty after trimming.
    var nonEmpty: String? {
        let trimmed = trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The bracketed tags at the start (`[video] [DE] `) and the text after them.
    var splittingLeadingTags: (tags: [String], rest: String) {
        var tags: [String] = []
        var rest = Substring(trimmingWhitespace)
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            let tag = rest[rest.index(after: rest.startIndex)..<close].trimmingWhitespace
            if !tag.isEmpty { tags.append(tag) }
            rest = Substring(rest[rest.index(after: close)...].trimmingWhitespace)
        }
        return (tags, String(rest))
    }
}

extension IssueDate {
    /// The first `YYYY-MM-DD` date in `text` (as in "Closes 2025-04-29 11:59 PM PDT").
    init?(firstIn text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { (48...57).contains(bytes[index]) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
        var index = 0
        while index + 10 <= bytes.count {
            let matches =
                (0..<4).allSatisfy { isDigit(index + $0) } && bytes[index + 4] == 45 && isDigit(index + 5)
                && isDigit(index + 6) && bytes[index + 7] == 45 && isDigit(index + 8) && isDigit(index + 9)
            let bounded = index == 0 || !isDigit(index - 1)
            if matches, bounded,
                let date = IssueDate(
                    year: number(index..<index + 4), month: number(index + 5..<index + 7),
                    day: number(index + 8..<index + 10))
            {
                self = date
                return
            }
            index += 1
        }
        return nil
    }
}
