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

    /// Each kind in the issue's order, once per slug.
    public init(of issue: Issue) {
        func add(_ name: String, _ slug: String, to list: inout [Mention]) {
            guard slug != "-", !list.contains(where: { $0.slug == slug }) else { return }
            list.append(Mention(name: name, slug: slug))
        }
        for section in issue.sections(of: .crateOfTheWeek) {
            guard let crate = section.content.crate else { continue }
            add(crate.name, CrateLink.normalized(crate.name), to: &crates)
            if let person = crate.suggestedBy { add(person.name, Insights.slug(person.name), to: &people) }
        }
        for section in issue.sections(of: .quoteOfTheWeek) {
            guard let quote = section.content.quote else { continue }
            let name = QuoteAuthor.name(in: quote.author ?? "Anonymous")
            add(name, Insights.slug(name), to: &quoteAuthors)
            if let person = quote.suggestedBy { add(person.name, Insights.slug(person.name), to: &people) }
        }
        let editors = issue.editors + issue.sections(of: .editors).flatMap { $0.content.editors ?? [] }
        for editor in editors {
            let name = editor.name.trimmingCharacters(in: .whitespacesAndNewlines)
            add(name, Insights.slug(name), to: &people)
        }
        for section in issue.sections(of: .events) {
            for entry in (section.content.events ?? []).flatMap(\.entries) {
                let name = PlaceInsight.name(of: entry.location ?? (entry.isVirtual ? "Virtual" : ""))
                add(name, Insights.slug(name), to: &places)
            }
        }
    }
}
