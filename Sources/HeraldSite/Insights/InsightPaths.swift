import HeraldCore

/// Where each insight page is published, in one place for the plan, the pages and the links.
enum InsightPaths {
    static let index = "insights/index.html"
    static let quotes = "insights/quotes/index.html"

    static func crate(_ crate: CrateInsight) -> String { "insights/crates/\(crate.slug)/index.html" }
    static func person(_ person: PersonInsight) -> String { "insights/people/\(person.slug)/index.html" }
    static func place(_ place: PlaceInsight) -> String { "insights/events/\(place.slug)/index.html" }
}
