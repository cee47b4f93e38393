import Foundation

/// What one issue names that has an insight page: its Crate of the Week, who it quotes, its
/// editors and the people who suggested a crate or quote, and the places of its events.
///
/// Read from the issue alone, with the same names and slugs the ``Insights`` use, so an issue's
/// page can link to those pages without knowing the rest of the archive.
public struct IssueMentions: Hashable, Sendable {
    /// A name as the issue gives it and the slug of its insight page.
    public struct Mention: Hashable, Sendable {
        public var name: String
        public var slug: String
    }

    public var crates: [Mention] = []
    public var quoteAuthors: [Mention] = []
    public var people: [Mention] = []
    public var places: [Mention] = []

    /// Whether the issue names nothing with a page.
    public var isEmpty: Bool { crates.isEmpty && quoteAuthors.isEmpty && people.isEmpty && places.isEmpty }

    /// Each kind in the issue's order, once per slug, from what the issue adds to the insights
    /// (which a build reads once for both).
    public init(of contribution: IssueInsights) {
        func add(_ name: String, _ slug: String, to list: inout [Mention]) {
            guard slug != "-", !list.contains(where: { $0.slug == slug }) else { return }
            list.append(Mention(name: name, slug: slug))
        }
        for feature in contribution.features { add(feature.name, feature.slug, to: &crates) }
        for (name, _) in contribution.quotes { add(name, Insights.slug(name), to: &quoteAuthors) }
        for (slug, person) in contribution.crateSuggesters + contribution.quoteSuggesters + contribution.editors {
            add(person.name, slug, to: &people)
        }
        for event in contribution.events { add(event.name, event.slug, to: &places) }
    }
}
