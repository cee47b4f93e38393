import Foundation

/// What one issue adds to the ``Insights``: its Crates of the Week, what its links may name,
/// its quotes, the people and the event places it names, each with its slug.
///
/// Read from one typed issue alone, so a build reads every issue on its own core, from the
/// models the search index already read; ``Insights/init(contributions:)`` then merges small
/// values in date order.
public struct IssueInsights: Sendable {
    let reference: IssueReference
    var features: [(slug: String, home: String?, name: String, feature: CrateInsight.Feature)] = []
    /// What each link names, in document order; a link repeated is read again, which costs less
    /// than remembering every address to skip it.
    var links: [CrateLink.Target] = []
    var quotes: [(name: String, quote: QuoteInsight)] = []
    var editors: [(slug: String, person: Person)] = []
    var crateSuggesters: [(slug: String, person: Person)] = []
    var quoteSuggesters: [(slug: String, person: Person)] = []
    var events: [(slug: String, name: String, identity: String, event: PlaceInsight.Event)] = []

    public init(reference: IssueReference, issue: Issue) {
        self.reference = reference
        func named(_ person: Person) -> (slug: String, person: Person)? {
            var person = person
            // Most names have nothing to trim, and Foundation's trimming costs more than the slug.
            let printable: (UInt8?) -> Bool = { $0.map { (0x21..<0x80).contains($0) } == true }
            if !printable(person.name.utf8.first) || !printable(person.name.utf8.last) {
                person.name = person.name.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let slug = Insights.slug(person.name)
            return slug == "-" ? nil : (slug, person)
        }
        for section in issue.sections(of: .crateOfTheWeek) {
            guard let crate = section.content.crate else { continue }
            let feature = CrateInsight.Feature(
                issue: reference, url: crate.url, description: crate.description, suggestedBy: crate.suggestedBy)
            let home = crate.url.flatMap(CrateLink.home(of:))
            features.append((CrateLink.normalized(crate.name), home, crate.name, feature))
            if let person = crate.suggestedBy.flatMap(named) { crateSuggesters.append(person) }
        }
        for url in issue.linkURLs {
            let target = CrateLink.target(of: url)
            if target.name != nil || target.home != nil { links.append(target) }
        }
        for section in issue.sections(of: .quoteOfTheWeek) {
            guard let quote = section.content.quote else { continue }
            let insight = QuoteInsight(
                issue: reference, text: quote.text, sourceURL: quote.sourceURL, suggestedBy: quote.suggestedBy)
            quotes.append((QuoteAuthor.name(in: quote.author ?? "Anonymous"), insight))
            if let person = quote.suggestedBy.flatMap(named) { quoteSuggesters.append(person) }
        }
        var seenEditors: Set<String> = []
        for editor in issue.editors + issue.sections(of: .editors).flatMap({ $0.content.editors ?? [] }) {
            guard let person = named(editor), seenEditors.insert(person.slug).inserted else { continue }
            editors.append(person)
        }
        var slugs: [String: String] = [:]
        for section in issue.sections(of: .events) {
            for entry in (section.content.events ?? []).flatMap(\.entries) {
                let name = PlaceInsight.name(of: entry.location ?? (entry.isVirtual ? "Virtual" : ""))
                let slug = slugs[name] ?? Insights.slug(name)
                slugs[name] = slug
                guard slug != "-" else { continue }
                let day = entry.date?.description ?? entry.dateText ?? ""
                let identity = [slug, day, entry.titles.first?.url ?? entry.text].joined(separator: "\u{1F}")
                events.append((slug, name, identity, PlaceInsight.Event(issue: reference, entry: entry)))
            }
        }
    }
}
