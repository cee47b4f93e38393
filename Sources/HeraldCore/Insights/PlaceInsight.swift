import Foundation

/// A city or region events were held in (or `Virtual`), with its events over the years.
public struct PlaceInsight: Hashable, Sendable, Codable {
    /// The place as the newest entry wrote it (`Berlin, DE`).
    public var name: String
    public var slug: String
    /// Each event once, oldest first, with the first issue that listed it.
    public var events: [Event]

    public struct Event: Hashable, Sendable, Codable {
        public var issue: IssueReference
        public var entry: EventEntry
    }

    /// The place an event's location names: `Virtual (Berlin, DE)` → `Berlin, DE`, so online
    /// meetups of a city's group are with the city; a bare `Virtual` stays `Virtual`.
    static func name(of location: String) -> String {
        // Most locations are already bare (`Berlin, DE`): an ASCII letter at both ends and no
        // `Virtual (`, `Hybrid (` or `Online (` before it, so nothing is made of them.
        if let first = location.utf8.first, let last = location.utf8.last, first < 0x80, last < 0x80,
            first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), last != UInt8(ascii: " "),
            last != UInt8(ascii: "\t"), last != UInt8(ascii: ")")
        {
            return location
        }
        var name = trimmed(location[...])
        for prefix in ["Virtual (", "Hybrid (", "Online ("] where name.hasPrefix(prefix) && name.hasSuffix(")") {
            name = name.dropFirst(prefix.count).dropLast()
        }
        return String(trimmed(name))
    }

    /// The text without the spaces and tabs around it (what `CharacterSet.whitespaces` trims):
    /// every event of every issue is named, and Foundation's trimming was a third of what reading
    /// an issue's mentions cost.
    private static func trimmed(_ text: Substring) -> Substring {
        func isSpace(_ character: Character) -> Bool { character.isWhitespace && !character.isNewline }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }
}
