import Foundation

extension Insights {
    /// Everyone quoted, grouped by the name in the attribution.
    static func quoteAuthors(in issues: [(reference: IssueReference, issue: Issue)]) -> [QuoteAuthor] {
        var authors: [String: QuoteAuthor] = [:]
        for (reference, issue) in issues {
            for section in issue.sections(of: .quoteOfTheWeek) {
                guard let quote = section.content.quote else { continue }
                let name = QuoteAuthor.name(in: quote.author ?? "Anonymous")
                let insight = QuoteInsight(
                    issue: reference, text: quote.text, sourceURL: quote.sourceURL, suggestedBy: quote.suggestedBy)
                authors[name.lowercased(), default: QuoteAuthor(name: name, quotes: [])].quotes.append(insight)
            }
        }
        return authors.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Editors and suggesters, one per slug of their name; the first linked page is kept.
    static func people(in issues: [(reference: IssueReference, issue: Issue)]) -> [PersonInsight] {
        var people: [String: PersonInsight] = [:]
        func note(_ person: Person, _ add: (inout PersonInsight) -> Void) {
            let name = person.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let slug = slug(name)
            guard slug != "-" else { return }
            var insight = people[slug]
                ?? PersonInsight(name: name, slug: slug, edited: [], suggestedCrates: [], suggestedQuotes: [])
            if insight.url == nil { insight.url = person.url }
            add(&insight)
            people[slug] = insight
        }
        for (reference, issue) in issues {
            let editors = issue.editors + issue.sections(of: .editors).flatMap { $0.content.editors ?? [] }
            var seen: Set<String> = []
            for editor in editors where seen.insert(slug(editor.name)).inserted {
                note(editor) { $0.edited.append(reference) }
            }
            for section in issue.sections(of: .crateOfTheWeek) {
                guard let person = section.content.crate?.suggestedBy else { continue }
                note(person) { $0.suggestedCrates.append(reference) }
            }
            for section in issue.sections(of: .quoteOfTheWeek) {
                guard let person = section.content.quote?.suggestedBy else { continue }
                note(person) { $0.suggestedQuotes.append(reference) }
            }
        }
        return people.values.sorted { $0.slug < $1.slug }
    }
}
