import Foundation

/// What the whole archive knows beyond any one issue: crates, quotes, people and places.
///
/// Made from the typed issues alone, with no addresses or I/O, so the site's pages and
/// `herald export` show the same facts.
public struct Insights: Hashable, Sendable, Codable {
    /// Every Crate of the Week, by slug.
    public var crates: [CrateInsight]
    /// Everyone quoted, by name.
    public var quoteAuthors: [QuoteAuthor]
    /// Editors and those who suggested a crate or quote, by slug.
    public var people: [PersonInsight]
    /// Places events were held in, by slug.
    public var places: [PlaceInsight]
    /// The first and last year of the issues read.
    public var years: ClosedRange<Int>?

    /// - Parameter issues: the issues with how to refer to each, in any order.
    public init(issues: [(reference: IssueReference, issue: Issue)]) {
        self.init(contributions: issues.map { IssueInsights(reference: $0.reference, issue: $0.issue) })
    }

    /// The insights of issues each read on its own (on any core), in any order.
    public init(contributions: [IssueInsights]) {
        let sorted = contributions.sorted { $0.reference.date < $1.reference.date }
        crates = Insights.crates(in: sorted)
        quoteAuthors = Insights.quoteAuthors(in: sorted)
        people = Insights.people(in: sorted)
        places = Insights.places(in: sorted)
        years = sorted.first.map { first in first.reference.date.year...sorted.last!.reference.date.year }
    }

    /// The crate featured or mentioned under this slug, e.g. `crate(slugged: "pest")`.
    public func crate(slugged slug: String) -> CrateInsight? { crates.first { $0.slug == slug } }

    /// The slug of a name for addresses: Herald's usual slug, or `-` when it has none.
    public static func slug(_ name: String) -> String {
        let slug = Slug(name).rawValue
        return slug.isEmpty ? "-" : slug
    }
}
