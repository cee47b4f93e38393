extension Insights {
    /// Everyone quoted, grouped by the name in the attribution.
    static func quoteAuthors(in issues: [IssueInsights]) -> [QuoteAuthor] {
        var authors: [String: QuoteAuthor] = [:]
        for issue in issues {
            for (name, quote) in issue.quotes {
                authors[name.lowercased(), default: QuoteAuthor(name: name, quotes: [])].quotes.append(quote)
            }
        }
        return authors.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Editors and suggesters, one per slug of their name; the first linked page is kept.
    static func people(in issues: [IssueInsights]) -> [PersonInsight] {
        var people: [String: PersonInsight] = [:]
        func note(_ named: (slug: String, person: Person), _ add: (inout PersonInsight) -> Void) {
            var insight =
                people[named.slug]
                ?? PersonInsight(
                    name: named.person.name, slug: named.slug, edited: [], suggestedCrates: [], suggestedQuotes: [])
            if insight.url == nil { insight.url = named.person.url }
            add(&insight)
            people[named.slug] = insight
        }
        for issue in issues {
            for editor in issue.editors { note(editor) { $0.edited.append(issue.reference) } }
            for person in issue.crateSuggesters { note(person) { $0.suggestedCrates.append(issue.reference) } }
            for person in issue.quoteSuggesters { note(person) { $0.suggestedQuotes.append(issue.reference) } }
        }
        return people.values.sorted { $0.slug < $1.slug }
    }
}
