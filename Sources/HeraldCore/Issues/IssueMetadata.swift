import Foundation

/// What an issue file says about itself in its header: title, number, date and the rest.
///
/// The fields are Pelican's, so a This Week in Rust file needs no changes; keys Herald does not
/// know are kept in ``extra`` for templates and exports rather than dropped.
public struct IssueMetadata: Hashable, Sendable, Codable {
    public var title: String
    /// The issue number: the `Number` key, or else the number ending the title
    /// (`This Week in Rust 533` → 533). `nil` for specials such as "The State of Rust 0.8".
    public var number: Int?
    /// Whether ``number`` came from the title rather than a `Number` key.
    public var numberIsFromTitle: Bool
    public var date: IssueDate
    public var time: IssueTime?
    public var category: String?
    public var tags: [String]
    /// The URL slug: the `Slug` key, or else Pelican's slug of the title.
    public var slug: String
    public var summary: String?
    public var status: IssueStatus
    public var authors: [String]
    /// Every other key, lower-cased, with its value as written.
    public var extra: [String: String]
    /// The line each key was read from, lower-cased key → 1-based line, so later steps
    /// (duplicate numbers, the linter) can point at the right line.
    public var lines: [String: Int] = [:]

    public init(
        title: String,
        number: Int? = nil,
        numberIsFromTitle: Bool = false,
        date: IssueDate,
        time: IssueTime? = nil,
        category: String? = nil,
        tags: [String] = [],
        slug: String? = nil,
        summary: String? = nil,
        status: IssueStatus = .published,
        authors: [String] = [],
        extra: [String: String] = [:]
    ) {
        self.title = title
        self.number = number
        self.numberIsFromTitle = numberIsFromTitle
        self.date = date
        self.time = time
        self.category = category
        self.tags = tags
        self.slug = slug ?? Slug(title).rawValue
        self.summary = summary
        self.status = status
        self.authors = authors
        self.extra = extra
    }

    private enum CodingKeys: String, CodingKey {
        case title, number, numberIsFromTitle, date, time, category, tags, slug, summary, status, authors, extra
    }

    /// The issue number a title names, for files whose header has none.
    ///
    /// A number marked as one wins wherever it is: `#12`, `No. 12`, `Issue 12`, `第12期`
    /// ("#1 - August 2019" is issue 1). Otherwise the title's last word, when it is a whole number
    /// ("This Week in Rust 533") and neither the year of a date ("Notes, August 2019") nor the
    /// count of something else ("Day 1", "Part 2").
    ///
    /// Every issue's title is read at every build, so words are split by Unicode scalar and
    /// compared by byte: splitting by `Character` and comparing with `hasPrefix` cost a twentieth
    /// of a rebuild that found nothing changed.
    static func number(inTitle title: String) -> Int? {
        let words = title.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map(Substring.init)
        func whole(_ text: Substring) -> Int? {
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return nil
            }
            return Int(text).flatMap { numbers.contains($0) ? $0 : nil }
        }
        for (index, word) in words.enumerated() {
            let trimmed = trimmingPunctuation(word, keepingHash: true)
            if trimmed.utf8.first == UInt8(ascii: "#"), let number = whole(trimmed.dropFirst()) { return number }
            if trimmed.unicodeScalars.first == "第", trimmed.unicodeScalars.last == "期",
                let number = whole(Substring(trimmed.unicodeScalars.dropFirst().dropLast()))
            {
                return number
            }
            // A marker is at most five letters, each at most three bytes in any case.
            if word.utf8.count <= 15, ["no.", "nr.", "issue", "#"].contains(word.lowercased()), index + 1 < words.count,
                let number = whole(trimmingPunctuation(words[index + 1], keepingHash: false))
            {
                return number
            }
        }
        guard let last = words.last, let number = whole(last) else { return nil }
        if words.count >= 2 {
            let before = words[words.count - 2].lowercased()
            if last.utf8.count == 4, IssueMetadata.monthNames.contains(before) { return nil }
            if IssueMetadata.countedWords.contains(before) { return nil }
        }
        return number
    }

    private static func trimmingPunctuation(_ word: Substring, keepingHash: Bool) -> Substring {
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            if keepingHash && scalar == "#" { return false }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPunctuation($0) }),
            let last = scalars.lastIndex(where: { !isPunctuation($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    /// Words whose number counts something other than issues.
    private static let countedWords: Set<String> = ["day", "part", "chapter", "step", "lesson", "version"]

    /// English month names, full and short, that make a following four-digit number a year.
    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    ]

    /// The issue numbers Herald accepts: a billion issues is past any weekly's life, and the
    /// bound keeps every sum Herald makes with a number (the next issue's) far from overflow.
    public static let numbers = 0...999_999_999
}
