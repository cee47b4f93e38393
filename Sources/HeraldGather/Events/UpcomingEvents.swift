import HeraldCore
import HeraldMarkdown

/// The events section's content: occurrences from every feed, placed in regions, sorted, and
/// with duplicates merged.
///
/// The same meetup often reaches Herald twice, from the community calendar and the group's own
/// feed. Two occurrences with the same event address, or with the same organiser, date and
/// title, are one event: the first feed's copy is kept and the merge is reported. Two on the
/// same date with the same title but different organisers may be one event listed by two
/// groups; both are kept and flagged for the editors.
public struct UpcomingEvents: Sendable {
    /// One line of the section: a date, a place and an organiser, with the events' titles.
    public struct Entry: Hashable, Sendable {
        public var date: IssueDate
        public var minutes: Int?
        public var place: EventPlace
        public var organiser: String
        public var organiserURL: String?
        public var titles: [(title: String, url: String?)]

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.date == rhs.date && lhs.minutes == rhs.minutes && lhs.place == rhs.place
                && lhs.organiser == rhs.organiser && lhs.organiserURL == rhs.organiserURL
                && lhs.titles.elementsEqual(rhs.titles, by: { $0.title == $1.title && $0.url == $1.url })
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(date)
            hasher.combine(organiser)
            for title in titles { hasher.combine(title.title) }
        }
    }

    /// Entries by region, regions in This Week in Rust's order, entries by date.
    public var regions: [(region: Region, entries: [Entry])]
    /// Merged duplicates and possible duplicates, as warnings naming both feeds' lines.
    public var notes: [Problem]

    /// Places, merges and sorts `occurrences`, given in feed order.
    public init(_ occurrences: [EventOccurrence], directory: CountryDirectory = .shared) {
        var kept: [EventOccurrence] = []
        var notes: [Problem] = []
        var byURL: [String: EventOccurrence] = [:]
        var byOrganiserDateTitle: [String: EventOccurrence] = [:]
        var byDateTitle: [String: EventOccurrence] = [:]
        for occurrence in occurrences {
            let title = UpcomingEvents.normalised(occurrence.title)
            let urlKey = occurrence.url.map { UpcomingEvents.normalisedURL($0) + "|" + occurrence.date.description }
            let organiserKey = [
                UpcomingEvents.normalised(occurrence.organiser ?? ""), occurrence.date.description, title,
            ]
            .joined(separator: "|")
            if let first = urlKey.flatMap({ byURL[$0] }) ?? byOrganiserDateTitle[organiserKey] {
                notes.append(UpcomingEvents.note(occurrence, duplicates: first, merged: true))
                continue
            }
            let dateTitle = occurrence.date.description + "|" + title
            if let similar = byDateTitle[dateTitle] {
                notes.append(UpcomingEvents.note(occurrence, duplicates: similar, merged: false))
            }
            if let urlKey { byURL[urlKey] = occurrence }
            byOrganiserDateTitle[organiserKey] = occurrence
            byDateTitle[dateTitle] = byDateTitle[dateTitle] ?? occurrence
            kept.append(occurrence)
        }
        var entries: [Entry] = []
        var indexByLine: [String: Int] = [:]
        // A series repeats its location every week: each is placed once. Without a location
        // the title decides, so it is the key.
        var places: [String: EventPlace] = [:]
        for occurrence in kept.sorted(by: UpcomingEvents.chronologically) {
            let placeKey = occurrence.location ?? "\u{0}" + occurrence.title
            let place =
                places[placeKey]
                ?? EventPlace(location: occurrence.location, title: occurrence.title, directory: directory)
            places[placeKey] = place
            let organiser = occurrence.organiser ?? occurrence.title
            let organiserURL = occurrence.organiserURL ?? occurrence.url
            let key = [occurrence.date.description, place.text, organiser, organiserURL ?? ""].joined(separator: "|")
            if let index = indexByLine[key] {
                entries[index].titles.append((occurrence.title, occurrence.url))
            } else {
                indexByLine[key] = entries.count
                entries.append(
                    Entry(
                        date: occurrence.date, minutes: occurrence.minutes, place: place, organiser: organiser,
                        organiserURL: organiserURL, titles: [(occurrence.title, occurrence.url)]))
            }
        }
        regions = Region.allCases.compactMap { region in
            let inRegion = entries.filter { $0.place.region == region }
            return inRegion.isEmpty ? nil : (region, inRegion)
        }
        self.notes = notes
    }

    /// How many entries there are in all regions.
    public var count: Int { regions.reduce(0) { $0 + $1.entries.count } }

    /// By date, then time (all-day first), place and organiser, so the order never depends
    /// on the order of the feeds.
    static func chronologically(_ a: EventOccurrence, _ b: EventOccurrence) -> Bool {
        let left = (a.date, a.minutes ?? -1, a.location ?? "", a.organiser ?? "", a.title)
        let right = (b.date, b.minutes ?? -1, b.location ?? "", b.organiser ?? "", b.title)
        return left < right
    }

    private static func note(_ occurrence: EventOccurrence, duplicates first: EventOccurrence, merged: Bool) -> Problem
    {
        let message =
            merged
            ? "'\(occurrence.title)' on \(occurrence.date) is listed already (\(first.source):\(first.line)); merged"
            : "'\(occurrence.title)' on \(occurrence.date) may be the same event as \(first.source):\(first.line), "
                + "organised by \(first.organiser ?? "someone else")"
        return Problem(
            .possibleDuplicate, severity: .warning, file: occurrence.source,
            location: SourceLocation(line: occurrence.line, column: 1), message: message,
            fix: merged ? nil : "check the events section and remove one if they are the same")
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func normalisedURL(_ url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
