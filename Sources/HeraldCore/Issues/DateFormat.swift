import Foundation

/// How a newsletter writes its dates when not `YYYY-MM-DD`: `DD.MM.YYYY`, `YYYY/M/D`, `YYYYMMDD`.
///
/// Set once in `[content] date_format`, it reads the dates in headers and the `{date}` part of
/// path patterns alike, so one newsletter's habit is described in one place. `YYYY` is the year,
/// `MM` and `DD` two-digit month and day, `M` and `D` one or two digits; every other character
/// stands for itself.
public struct DateFormat: Hashable, Sendable, CustomStringConvertible {
    private enum Field: Hashable, Sendable { case year, month, day }
    private enum Token: Hashable, Sendable {
        case field(Field, digits: ClosedRange<Int>)
        case literal(Character)
    }

    /// The format as written.
    public let rawValue: String
    private let tokens: [Token]

    /// Reads a format; fails unless it has exactly one year, one month and one day.
    public init(_ rawValue: String) throws(PathPattern.PatternError) {
        var tokens: [Token] = []
        var rest = Substring(rawValue)
        while let first = rest.first {
            if rest.hasPrefix("YYYY") {
                tokens.append(.field(.year, digits: 4...4))
                rest = rest.dropFirst(4)
            } else if first == "M" || first == "D" {
                let field: Field = first == "M" ? .month : .day
                let twice = rest.dropFirst().first == first
                tokens.append(.field(field, digits: twice ? 2...2 : 1...2))
                rest = rest.dropFirst(twice ? 2 : 1)
            } else {
                tokens.append(.literal(first))
                rest = rest.dropFirst()
            }
        }
        let fields = tokens.compactMap { token -> Field? in
            if case .field(let field, _) = token { return field }
            return nil
        }
        guard fields.sorted(by: { "\($0)" < "\($1)" }) == [.day, .month, .year] else {
            throw PathPattern.PatternError(
                message: "date format '\(rawValue)' needs one YYYY, one MM (or M) and one DD (or D)")
        }
        self.rawValue = rawValue
        self.tokens = tokens
    }

    /// The date `text` spells in this format, or `nil`.
    public func date(from text: some StringProtocol) -> IssueDate? {
        var values: [Field: Int] = [:]
        var rest = Substring(text)
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let character):
                guard rest.first == character else { return nil }
                rest = rest.dropFirst()
            case .field(let field, let digits):
                // A variable-width field before a digit takes the fewest digits that leave the rest readable.
                let available = rest.prefix(while: \.isASCIIDigit).count
                let next = tokens.dropFirst(index + 1).first
                let followedByDigits = next.map { if case .field = $0 { true } else { false } } ?? false
                let count = followedByDigits ? digits.lowerBound : min(available, digits.upperBound)
                guard digits.contains(count), count <= available, let value = Int(rest.prefix(count)) else {
                    return nil
                }
                values[field] = value
                rest = rest.dropFirst(count)
            }
        }
        guard rest.isEmpty, let year = values[.year], let month = values[.month], let day = values[.day] else {
            return nil
        }
        return IssueDate(year: year, month: month, day: day)
    }

    /// A regular expression matching a date in this format, for path patterns.
    var regularExpression: String {
        tokens.map { token in
            switch token {
            case .literal(let character): NSRegularExpression.escapedPattern(for: String(character))
            case .field(_, let digits): "[0-9]{\(digits.lowerBound),\(digits.upperBound)}"
            }
        }.joined()
    }

    public var description: String { rawValue }
}
