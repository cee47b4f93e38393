import HeraldCore

/// The places of one region, which share an insight page and a calendar: a place whose slug
/// ends in a code (`berlin-de`, `austin-tx-us`) is in the region of that code (`de`, `us`);
/// any other place (`virtual`, `san-francisco`) is a region of its own.
///
/// A page per region, with each place under its own anchor, rather than one per place: the
/// archive names 475 places, most with a handful of events, and making a file for each was a
/// large part of what the insights added to a cold build. The region is read from the place's
/// slug, not its name, because an issue's note links the place as that issue wrote it
/// (`Minneapolis, MN US`), which may differ from the name on the page (`Minneapolis, MN, US`)
/// but has the same slug.
struct PlaceRegion: Sendable {
    /// The code in capitals (`DE`), or the place's own name.
    let name: String
    let slug: String
    /// Its places, by slug.
    let places: [PlaceInsight]

    /// The slug of the region a place is in.
    static func slug(ofPlace slug: String) -> String { code(ofPlace: slug) ?? slug }

    /// The code a place's slug ends in: a last part of one to three letters after another part.
    private static func code(ofPlace slug: String) -> String? {
        let parts = slug.split(separator: "-")
        guard parts.count > 1, let last = parts.last, last.count <= 3, last.allSatisfy(\.isLetter) else { return nil }
        return String(last)
    }

    /// The places grouped by region, by slug.
    static func regions(of places: [PlaceInsight]) -> [PlaceRegion] {
        Dictionary(grouping: places) { slug(ofPlace: $0.slug) }
            .map { slug, places in
                let places = places.sorted { $0.slug < $1.slug }
                let name = code(ofPlace: places[0].slug).map { $0.uppercased() } ?? places[0].name
                return PlaceRegion(name: name, slug: slug, places: places)
            }
            .sorted { $0.slug < $1.slug }
    }

    /// How many events its places had.
    var eventCount: Int { places.reduce(0) { $0 + $1.events.count } }

    /// Its places' events dated on or after `date`, by day: what its `events.ics` holds.
    func upcomingEvents(from date: IssueDate?) -> [EventCalendar.Event] {
        let events = places.flatMap { $0.upcomingEvents(from: date) }.enumerated()
        return events.sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
