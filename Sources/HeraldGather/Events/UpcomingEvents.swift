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

        /// The entry an occurrence starts, at its place.
        init(_ occurrence: EventOccurrence, at place: EventPlace) {
            date = occurrence.date
            minutes = occurrence.minutes
            self.place = place
            organiser = occurrence.organiser ?? occurrence.title
            organiserURL = occurrence.organiserURL ?? occurrence.url
            titles = [(occurrence.title, occurrence.url)]
        }

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
        self.init(feeds: [occurrences], inOrderGiven: true, directory: directory)
    }

    /// Places, merges and sorts the occurrences of `feeds`, each feed's taken in chronological
    /// order (unless `inOrderGiven`), so which of two duplicates in one feed is kept never
    /// depends on the order the feed lists its events.
    ///
    /// A year of a large feed gives hundreds of thousands of occurrences sharing a few thousand
    /// titles, organisers, places and addresses. Each text is numbered once per occurrence and
    /// normalised, ranked or placed once per distinct text; from then on occurrences are matched
    /// on keys of a day and numbers, sorted on integers, and handled by index rather than copied.
    init(feeds: [[EventOccurrence]], inOrderGiven: Bool = false, directory: CountryDirectory = .shared) {
        let occurrences = feeds.count == 1 ? feeds[0] : Array(feeds.joined())
        var table = TextTable()
        let numbered = occurrences.map { NumberedOccurrence($0, in: &table) }
        let titleForms = table.forms(UpcomingEvents.normalised)
        let addressForms = table.forms(UpcomingEvents.normalisedURL)
        let ranks = table.ranks()
        var notes: [Problem] = []
        var byURL: [DayKey: Int] = [:]
        var byOrganiserTitle: [DayKey: Int] = [:]
        var byTitle: [DayKey: Int] = [:]
        byURL.reserveCapacity(occurrences.count)
        byOrganiserTitle.reserveCapacity(occurrences.count)
        byTitle.reserveCapacity(occurrences.count)
        var kept: [Int] = []
        kept.reserveCapacity(occurrences.count)
        var feedStart = 0
        for feed in feeds {
            let indices = Array(feedStart..<(feedStart + feed.count))
            feedStart += feed.count
            for index in inOrderGiven ? indices : UpcomingEvents.chronologicalOrder(of: indices, numbered, ranks) {
                let numbers = numbered[index]
                let title = titleForms[numbers.title]
                let urlKey = numbers.url.map { DayKey(day: numbers.day, first: addressForms[$0]) }
                let organiserKey = DayKey(day: numbers.day, first: titleForms[numbers.organiserOrEmpty], second: title)
                if let first = urlKey.flatMap({ byURL[$0] }) ?? byOrganiserTitle[organiserKey] {
                    notes.append(UpcomingEvents.note(occurrences[index], duplicates: occurrences[first], merged: true))
                    continue
                }
                let titleKey = DayKey(day: numbers.day, first: title)
                if let similar = byTitle[titleKey] {
                    notes.append(
                        UpcomingEvents.note(occurrences[index], duplicates: occurrences[similar], merged: false))
                } else {
                    byTitle[titleKey] = index
                }
                if let urlKey { byURL[urlKey] = index }
                byOrganiserTitle[organiserKey] = index
                kept.append(index)
            }
        }
        regions = UpcomingEvents.regions(
            of: UpcomingEvents.chronologicalOrder(of: kept, numbered, ranks), occurrences, numbered,
            table: &table, directory: directory)
        self.notes = notes
    }

    /// The entries of the `chosen` occurrences, in order, by region: occurrences of one date,
    /// place and organiser share an entry, and each place is worked out once.
    private static func regions(
        of chosen: [Int], _ occurrences: [EventOccurrence], _ numbered: [NumberedOccurrence], table: inout TextTable,
        directory: CountryDirectory
    ) -> [(region: Region, entries: [Entry])] {
        var entries: [Entry] = []
        var indexByLine: [LineKey: Int] = [:]
        indexByLine.reserveCapacity(chosen.count)
        // A series repeats its location every week. Without a location the title decides.
        var places: [Int: (place: EventPlace, number: Int)] = [:]
        var placesByTitle: [Int: (place: EventPlace, number: Int)] = [:]
        for index in chosen {
            let numbers = numbered[index]
            let place: (place: EventPlace, number: Int)
            if let location = numbers.location {
                place = places[location] ?? placeNumbered(occurrences[index], in: &table, directory)
                places[location] = place
            } else {
                place = placesByTitle[numbers.title] ?? placeNumbered(occurrences[index], in: &table, directory)
                placesByTitle[numbers.title] = place
            }
            let key = LineKey(
                day: numbers.day, place: place.number, organiser: numbers.organiser ?? numbers.title,
                organiserURL: numbers.organiserURL ?? numbers.url ?? table.empty)
            if let entry = indexByLine[key] {
                entries[entry].titles.append((occurrences[index].title, occurrences[index].url))
            } else {
                indexByLine[key] = entries.count
                entries.append(Entry(occurrences[index], at: place.place))
            }
        }
        return Region.allCases.compactMap { region in
            let inRegion = entries.filter { $0.place.region == region }
            return inRegion.isEmpty ? nil : (region, inRegion)
        }
    }

    private static func placeNumbered(
        _ occurrence: EventOccurrence, in table: inout TextTable, _ directory: CountryDirectory
    ) -> (place: EventPlace, number: Int) {
        let place = EventPlace(location: occurrence.location, title: occurrence.title, directory: directory)
        return (place, table.number(of: place.text))
    }

    /// `chosen`, indices of `numbered`, by date, then time (all-day first), place, organiser and
    /// title, so the order never depends on the order of the feeds; equal ones keep their order.
    private static func chronologicalOrder(
        of chosen: [Int], _ numbered: [NumberedOccurrence], _ ranks: [Int]
    ) -> [Int] {
        chosen.map { index in
            let numbers = numbered[index]
            return SortKey(
                day: numbers.day, minutes: numbers.minutes, place: ranks[numbers.location ?? numbers.empty],
                organiser: ranks[numbers.organiserOrEmpty], title: ranks[numbers.title], index: index)
        }
        .sorted().map(\.index)
    }

    /// An occurrence's numbers: its day and time, and the numbers of its texts in a ``TextTable``.
    private struct NumberedOccurrence {
        var day: Int
        /// Minutes after midnight, -1 for an all-day event, which comes first.
        var minutes: Int
        var title: Int
        var organiser: Int?
        var location: Int?
        var url: Int?
        var organiserURL: Int?
        /// The number of the empty text, which stands for a missing organiser or place.
        var empty: Int

        var organiserOrEmpty: Int { organiser ?? empty }

        init(_ occurrence: EventOccurrence, in table: inout TextTable) {
            day = occurrence.date.daysSinceEpoch
            minutes = occurrence.minutes ?? -1
            title = table.number(of: occurrence.title)
            organiser = occurrence.organiser.map { table.number(of: $0) }
            location = occurrence.location.map { table.number(of: $0) }
            url = occurrence.url.map { table.number(of: $0) }
            organiserURL = occurrence.organiserURL.map { table.number(of: $0) }
            empty = table.empty
        }
    }

    /// A day and the numbers of up to two texts: what makes two occurrences one event.
    private struct DayKey: Hashable {
        var day: Int
        var first: Int
        var second = 0
    }

    /// What puts two occurrences on one line of the section.
    private struct LineKey: Hashable {
        var day: Int
        var place: Int
        var organiser: Int
        var organiserURL: Int
    }

    /// An occurrence's place in the order, as integers; the index keeps equal ones in order.
    private struct SortKey: Comparable {
        var day: Int
        var minutes: Int
        var place: Int
        var organiser: Int
        var title: Int
        var index: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.day, a.minutes, a.place, a.organiser, a.title, a.index)
                < (b.day, b.minutes, b.place, b.organiser, b.title, b.index)
        }
    }

    /// How many entries there are in all regions.
    public var count: Int { regions.reduce(0) { $0 + $1.entries.count } }

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
