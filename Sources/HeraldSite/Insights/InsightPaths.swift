import HeraldCore

/// Where each insight page is published, in one place for the plan, the pages and the links.
enum InsightPaths {
    static let index = "insights/index.html"
    static let quotes = "insights/quotes/index.html"

    static func crate(slug: String) -> String { "insights/crates/\(slug)/index.html" }
    static func person(slug: String) -> String { "insights/people/\(slug)/index.html" }
    static func place(slug: String) -> String { "insights/events/\(slug)/index.html" }

    static func crate(_ crate: CrateInsight) -> String { self.crate(slug: crate.slug) }
    static func person(_ person: PersonInsight) -> String { self.person(slug: person.slug) }
    static func place(_ place: PlaceInsight) -> String { self.place(slug: place.slug) }
    /// The place's upcoming events, for a calendar application to subscribe to.
    static func placeCalendar(_ place: PlaceInsight) -> String { "insights/events/\(place.slug)/events.ics" }
}
