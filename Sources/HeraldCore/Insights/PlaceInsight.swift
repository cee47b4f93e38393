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
        var name = location.trimmingCharacters(in: .whitespaces)
        for prefix in ["Virtual (", "Hybrid (", "Online ("] where name.hasPrefix(prefix) && name.hasSuffix(")") {
            name = String(name.dropFirst(prefix.count).dropLast())
        }
        return name.trimmingCharacters(in: .whitespaces)
    }
}
