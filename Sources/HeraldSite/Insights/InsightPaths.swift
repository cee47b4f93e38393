import HeraldCore

/// Where each insight page is published, in one place for the plan, the pages and the links.
///
/// Each page is a file of its own (`insights/crates/pest.html`), not a folder with an
/// `index.html`; the people share one page and the places one page per region, each under an
/// anchor: creating a folder and a file for each of 1,360 pages was half of what the insights
/// added to a cold build.
enum InsightPaths {
    static let index = "insights/index.html"
    static let quotes = "insights/quotes.html"
    /// Every person on one page, each under the anchor of their slug.
    static let people = "insights/people.html"

    static func crate(slug: String) -> String { "insights/crates/\(slug).html" }
    static func region(slug: String) -> String { "insights/events/\(slug).html" }

    static func crate(_ crate: CrateInsight) -> String { self.crate(slug: crate.slug) }
    static func region(_ region: PlaceRegion) -> String { self.region(slug: region.slug) }
    /// The region's upcoming events, for a calendar application to subscribe to.
    static func regionCalendar(_ region: PlaceRegion) -> String { "insights/events/\(region.slug).ics" }

    /// The link to a name on a page it shares (a person on ``people``, an author on ``quotes``,
    /// a place on its region's page): the page's link and the slug as its anchor.
    static func link(to page: String, anchor slug: String, with links: SiteLinks) -> String {
        links.link(to: page) + "#" + slug
    }
}
