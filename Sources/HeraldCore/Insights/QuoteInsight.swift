import Foundation

/// One Quote of the Week, with the issue it appeared in.
public struct QuoteInsight: Hashable, Sendable, Codable {
    public var issue: IssueReference
    public var text: String
    public var sourceURL: String?
    public var suggestedBy: Person?
}

/// Everyone quoted, with their quotes oldest first.
public struct QuoteAuthor: Hashable, Sendable, Codable {
    /// The attribution without where it was said (`Al Williams` from `Al Williams on hackaday`).
    public var name: String
    public var quotes: [QuoteInsight]

    /// Built once: a union of character sets is a new set each time it is made.
    private static let trimmedCharacters = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    /// The speaker's name from an attribution: the part before " on " or " at ", where TWiR
    /// names the place.
    static func name(in attribution: String) -> String {
        var name = Substring(attribution)
        for separator in [" on ", " at ", " in ", " via "] {
            if let range = name.range(of: separator) { name = name[..<range.lowerBound] }
        }
        let trimmed = name.trimmingCharacters(in: trimmedCharacters)
        return trimmed.isEmpty ? attribution : trimmed
    }
}
