public import HeraldCore
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
            organiser = occurrence.listedOrganiser
            organiserURL = occurrence.listedOrganiserURL
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

    /// One line of the section as the occurrences it lists: kept as indices, so a year of a
    /// large feed (a quarter of a million lines) is written without copying any text.
    struct Line {
        /// The occurrence that starts the line: its date, time, organiser and first title.
        var first: Int
        /// The occurrences whose titles join it: the same organiser, place and day.
        var more: [Int] = []
        /// The index of its place in ``places``.
        var place: Int
    }

    /// The occurrences listed, merged ones included, in the feeds' order.
    let occurrences: [EventOccurrence]
    /// The places of the lines.
    let places: [EventPlace]
    /// The lines by region, regions in This Week in Rust's order, lines by date.
    let lines: [(region: Region, lines: [Line])]
    /// Merged duplicates and possible duplicates, as warnings naming both feeds' lines.
    public var notes: [Problem]

    /// Entries by region, regions in This Week in Rust's order, entries by date.
    public var regions: [(region: Region, entries: [Entry])] {
        lines.map { region, lines in (region, lines.map(entry(of:))) }
    }

    /// The regions with events, in order: what a summary counts, without making the entries.
    public var regionsListed: [Region] { lines.map(\.region) }

    /// The entry a line makes.
    private func entry(of line: Line) -> Entry {
        var entry = Entry(occurrences[line.first], at: places[line.place])
        for index in line.more { entry.titles.append((occurrences[index].title, occurrences[index].url)) }
        return entry
    }

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
    /// Only occurrences of one day can be one event, so they are taken day by day, and the
    /// tables that find duplicates hold one day at a time.
    init(feeds: [[EventOccurrence]], inOrderGiven: Bool = false, directory: CountryDirectory = .shared) {
        let occurrences = feeds.count == 1 ? feeds[0] : Array(feeds.joined())
        var table = TextTable()
        let numbered = NumberedOccurrence.numbering(occurrences, in: &table)
        let titleForms = table.forms(UpcomingEvents.normalised)
        let addressForms = table.forms(UpcomingEvents.normalisedURL)
        let ranks = table.ranks()
        var notes: [(feed: Int, position: Int, note: Problem)] = []
        var byURL: [DayKey: Int] = [:]
        var byOrganiserTitle: [DayKey: Int] = [:]
        var byTitle: [DayKey: Int] = [:]
        var kept: [Int] = []
        kept.reserveCapacity(occurrences.count)
        var day = Int.min
        for (position, ordered) in UpcomingEvents.takingOrder(of: feeds, numbered, ranks, inOrderGiven).enumerated() {
            let (feed, index) = (ordered.feed, ordered.index)
            let numbers = numbered[index]
            if numbers.day != day {
                day = numbers.day
                byURL.removeAll(keepingCapacity: true)
                byOrganiserTitle.removeAll(keepingCapacity: true)
                byTitle.removeAll(keepingCapacity: true)
            }
            // Notes come feed by feed, in the order each feed's occurrences are taken.
            let notePosition = inOrderGiven ? index : position
            let title = titleForms[numbers.title]
            let urlKey = numbers.url.map { DayKey(first: addressForms[$0]) }
            let organiserKey = DayKey(first: titleForms[numbers.organiserOrEmpty], second: title)
            if let first = urlKey.flatMap({ byURL[$0] }) ?? byOrganiserTitle[organiserKey] {
                let note = UpcomingEvents.note(occurrences[index], duplicates: occurrences[first], merged: true)
                notes.append((feed, notePosition, note))
                continue
            }
            let titleKey = DayKey(first: title)
            if let similar = byTitle[titleKey] {
                let note = UpcomingEvents.note(occurrences[index], duplicates: occurrences[similar], merged: false)
                notes.append((feed, notePosition, note))
            } else {
                byTitle[titleKey] = index
            }
            if let urlKey { byURL[urlKey] = index }
            byOrganiserTitle[organiserKey] = index
            kept.append(index)
        }
        (places, lines) = UpcomingEvents.lines(
            of: UpcomingEvents.chronologicalOrder(of: kept, numbered, ranks), occurrences, numbered,
            table: &table, directory: directory)
        self.occurrences = occurrences
        self.notes = notes.sorted { ($0.feed, $0.position) < ($1.feed, $1.position) }.map(\.note)
    }

    /// The order occurrences are taken in: day by day, and within a day feed by feed, each
    /// feed's occurrences chronologically or, `inOrderGiven`, as given.
    private static func takingOrder(
        of feeds: [[EventOccurrence]], _ numbered: [NumberedOccurrence], _ ranks: [Int], _ inOrderGiven: Bool
    ) -> [(feed: Int, index: Int)] {
        var keys: [(feed: Int, key: SortKey)] = []
        keys.reserveCapacity(numbered.count)
        var start = 0
        for (feed, occurrences) in feeds.enumerated() {
            for index in start..<(start + occurrences.count) {
                let key =
                    inOrderGiven
                    ? SortKey(day: numbered[index].day, minutes: 0, place: 0, organiser: 0, title: 0, index: index)
                    : SortKey.ranking(numbered[index], index: index, ranks: ranks)
                keys.append((feed, key))
            }
            start += occurrences.count
        }
        keys.sort { a, b in
            a.key.day != b.key.day ? a.key.day < b.key.day : a.feed != b.feed ? a.feed < b.feed : a.key < b.key
        }
        return keys.map { ($0.feed, $0.key.index) }
    }

    /// The lines of the `chosen` occurrences, in order, by region, and their places:
    /// occurrences of one date, place and organiser share a line, and each place is worked out
    /// once.
    private static func lines(
        of chosen: [Int], _ occurrences: [EventOccurrence], _ numbered: [NumberedOccurrence], table: inout TextTable,
        directory: CountryDirectory
    ) -> (places: [EventPlace], lines: [(region: Region, lines: [Line])]) {
        var byRegion = [[Line]](repeating: [], count: Region.allCases.count)
        var places: [EventPlace] = []
        // Chosen occurrences come by date, so a line's occurrences are all met on one day.
        var lineByKey: [LineKey: (region: Int, line: Int)] = [:]
        var day = Int.min
        // A series repeats its location every week. Without a location the title decides:
        // for each text's number, the index of the place it gives and the number of its text.
        let numberedTexts = table.texts.count
        var placeOfLocation = [(place: Int, text: Int)?](repeating: nil, count: numberedTexts)
        var placeOfTitle = [(place: Int, text: Int)?](repeating: nil, count: numberedTexts)
        func place(of index: Int) -> (place: Int, text: Int) {
            let place = EventPlace(
                location: occurrences[index].location, title: occurrences[index].title, directory: directory)
            places.append(place)
            return (places.count - 1, table.number(of: place.text))
        }
        for index in chosen {
            let numbers = numbered[index]
            let found: (place: Int, text: Int)
            if let location = numbers.location {
                if let known = placeOfLocation[location] {
                    found = known
                } else {
                    found = place(of: index)
                    placeOfLocation[location] = found
                }
            } else if let known = placeOfTitle[numbers.title] {
                found = known
            } else {
                found = place(of: index)
                placeOfTitle[numbers.title] = found
            }
            if numbers.day != day {
                day = numbers.day
                lineByKey.removeAll(keepingCapacity: true)
            }
            let key = LineKey(
                place: found.text, organiser: numbers.organiser ?? numbers.title,
                organiserURL: numbers.organiserURL ?? numbers.url ?? table.empty)
            if let line = lineByKey[key] {
                byRegion[line.region][line.line].more.append(index)
            } else {
                let region = places[found.place].region.rawValue
                lineByKey[key] = (region, byRegion[region].count)
                byRegion[region].append(Line(first: index, place: found.place))
            }
        }
        let lines = zip(Region.allCases, byRegion).compactMap { region, lines in
            lines.isEmpty ? nil : (region, lines)
        }
        return (places, lines)
    }

    /// `chosen`, indices of `numbered`, by date, then time (all-day first), place, organiser and
    /// title, so the order never depends on the order of the feeds; equal ones keep their order.
    private static func chronologicalOrder(
        of chosen: [Int], _ numbered: [NumberedOccurrence], _ ranks: [Int]
    ) -> [Int] {
        chosen.map { SortKey.ranking(numbered[$0], index: $0, ranks: ranks) }.sorted().map(\.index)
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

        /// The numbers of `occurrences`, in order.
        ///
        /// A series' occurrences come one after another and share their texts, so each text is
        /// first compared with the previous occurrence's, which costs nothing when they are one
        /// string, before it is looked up.
        static func numbering(_ occurrences: [EventOccurrence], in table: inout TextTable) -> [NumberedOccurrence] {
            var numbered: [NumberedOccurrence] = []
            numbered.reserveCapacity(occurrences.count)
            func number(_ text: String, _ previousText: String?, _ previousNumber: Int?) -> Int {
                if let previousNumber, previousText == text { return previousNumber }
                return table.number(of: text)
            }
            for (index, occurrence) in occurrences.enumerated() {
                let last = index > 0 ? occurrences[index - 1] : nil
                let known = index > 0 ? numbered[index - 1] : nil
                numbered.append(
                    NumberedOccurrence(
                        day: occurrence.date.daysSinceEpoch, minutes: occurrence.minutes ?? -1,
                        title: number(occurrence.title, last?.title, known?.title),
                        organiser: occurrence.organiser.map { number($0, last?.organiser, known?.organiser) },
                        location: occurrence.location.map { number($0, last?.location, known?.location) },
                        url: occurrence.url.map { number($0, last?.url, known?.url) },
                        organiserURL: occurrence.organiserURL.map {
                            number($0, last?.organiserURL, known?.organiserURL)
                        },
                        empty: table.empty))
            }
            return numbered
        }
    }

    /// The numbers of up to two texts: what makes two occurrences of one day one event.
    private struct DayKey: Hashable {
        var first: Int
        var second = 0
    }

    /// What puts two occurrences of one day on one line of the section.
    private struct LineKey: Hashable {
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

        /// The key of an occurrence by its numbers, texts compared by their ranks.
        static func ranking(_ numbers: NumberedOccurrence, index: Int, ranks: [Int]) -> SortKey {
            SortKey(
                day: numbers.day, minutes: numbers.minutes, place: ranks[numbers.location ?? numbers.empty],
                organiser: ranks[numbers.organiserOrEmpty], title: ranks[numbers.title], index: index)
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.day, a.minutes, a.place, a.organiser, a.title, a.index)
                < (b.day, b.minutes, b.place, b.organiser, b.title, b.index)
        }
    }

    /// How many entries there are in all regions.
    public var count: Int { lines.reduce(0) { $0 + $1.lines.count } }

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

extension EventOccurrence {
    /// Who a line of the section names: the organiser, or the title for an event without one.
    var listedOrganiser: String { organiser ?? title }
    /// Where that name links: the organiser's page, else the event's own.
    var listedOrganiserURL: String? { organiserURL ?? url }
}
