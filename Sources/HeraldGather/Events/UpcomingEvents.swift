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
    ///
    /// A feed of a year's recurring events gives hundreds of thousands of occurrences that share
    /// a few thousand titles, organisers, addresses and places: each of those is normalised,
    /// numbered (or placed) once, occurrences are matched on keys of a day and those numbers, and
    /// they are handled by index rather than copied.
    public init(_ occurrences: [EventOccurrence], directory: CountryDirectory = .shared) {
        var notes: [Problem] = []
        var texts = TextNumbers(normalisedBy: UpcomingEvents.normalised)
        var addresses = TextNumbers(normalisedBy: UpcomingEvents.normalisedURL)
        var byURL: [DayKey: Int] = [:]
        var byOrganiserTitle: [DayKey: Int] = [:]
        var byTitle: [DayKey: Int] = [:]
        var kept: [Int] = []
        for index in occurrences.indices {
            let occurrence = occurrences[index]
            let day = occurrence.date.daysSinceEpoch
            let title = texts.number(of: occurrence.title)
            let urlKey = occurrence.url.map { DayKey(day: day, first: addresses.number(of: $0)) }
            let organiserKey = DayKey(day: day, first: texts.number(of: occurrence.organiser ?? ""), second: title)
            if let first = urlKey.flatMap({ byURL[$0] }) ?? byOrganiserTitle[organiserKey] {
                notes.append(UpcomingEvents.note(occurrence, duplicates: occurrences[first], merged: true))
                continue
            }
            let titleKey = DayKey(day: day, first: title)
            if let similar = byTitle[titleKey] {
                notes.append(UpcomingEvents.note(occurrence, duplicates: occurrences[similar], merged: false))
            } else {
                byTitle[titleKey] = index
            }
            if let urlKey { byURL[urlKey] = index }
            byOrganiserTitle[organiserKey] = index
            kept.append(index)
        }
        var entries: [Entry] = []
        var indexByLine: [LineKey: Int] = [:]
        var exactTexts = TextNumbers(normalisedBy: { $0 })
        // A series repeats its location every week: each is placed once. Without a location
        // the title decides.
        var placesByLocation: [String: EventPlace] = [:]
        var placesByTitle: [String: EventPlace] = [:]
        for index in UpcomingEvents.chronologicalOrder(of: occurrences, kept) {
            let occurrence = occurrences[index]
            let place: EventPlace
            if let location = occurrence.location {
                place =
                    placesByLocation[location]
                    ?? EventPlace(location: location, title: occurrence.title, directory: directory)
                placesByLocation[location] = place
            } else {
                place =
                    placesByTitle[occurrence.title]
                    ?? EventPlace(location: nil, title: occurrence.title, directory: directory)
                placesByTitle[occurrence.title] = place
            }
            let organiser = occurrence.organiser ?? occurrence.title
            let organiserURL = occurrence.organiserURL ?? occurrence.url
            let key = LineKey(
                day: occurrence.date.daysSinceEpoch, place: exactTexts.number(of: place.text),
                organiser: exactTexts.number(of: organiser), organiserURL: exactTexts.number(of: organiserURL ?? ""))
            if let entry = indexByLine[key] {
                entries[entry].titles.append((occurrence.title, occurrence.url))
            } else {
                indexByLine[key] = entries.count
                entries.append(
                    Entry(
                        date: occurrence.date, minutes: occurrence.minutes, place: place, organiser: organiser,
                        organiserURL: organiserURL, titles: [(occurrence.title, occurrence.url)]))
            }
        }
        var byRegion: [Region: [Entry]] = [:]
        for entry in entries { byRegion[entry.place.region, default: []].append(entry) }
        regions = Region.allCases.compactMap { region in byRegion[region].map { (region, $0) } }
        self.notes = notes
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

    /// How many entries there are in all regions.
    public var count: Int { regions.reduce(0) { $0 + $1.entries.count } }

    /// `occurrences` by date, then time (all-day first), place, organiser and title, so the order
    /// never depends on the order of the feeds; equal ones stay in the order given.
    static func sortedChronologically(_ occurrences: [EventOccurrence]) -> [EventOccurrence] {
        chronologicalOrder(of: occurrences, Array(occurrences.indices)).map { occurrences[$0] }
    }

    /// The indices `chosen` of `occurrences` in chronological order.
    ///
    /// The texts are ranked once, so the sort compares integers and moves indices: sorting the
    /// occurrences themselves copied six strings at every move and compared them at every tie.
    static func chronologicalOrder(of occurrences: [EventOccurrence], _ chosen: [Int]) -> [Int] {
        var places = Set<String>()
        var organisers = Set<String>()
        var titles = Set<String>()
        for index in chosen {
            places.insert(occurrences[index].location ?? "")
            organisers.insert(occurrences[index].organiser ?? "")
            titles.insert(occurrences[index].title)
        }
        func ranks(_ texts: Set<String>) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: texts.sorted().enumerated().map { ($1, $0) })
        }
        let (placeRanks, organiserRanks, titleRanks) = (ranks(places), ranks(organisers), ranks(titles))
        let keys = chosen.map { index in
            let occurrence = occurrences[index]
            return SortKey(
                day: occurrence.date.daysSinceEpoch, minutes: occurrence.minutes ?? -1,
                place: placeRanks[occurrence.location ?? ""]!, organiser: organiserRanks[occurrence.organiser ?? ""]!,
                title: titleRanks[occurrence.title]!, index: index)
        }
        return keys.sorted().map(\.index)
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
