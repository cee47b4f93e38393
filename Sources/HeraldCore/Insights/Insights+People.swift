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
        // Changed in place: a copy taken out of the dictionary and stored back copied each
        // person's lists at every issue, quadratic in how long someone edited.
        func note(_ named: (slug: String, person: Person), _ add: (inout PersonInsight) -> Void) {
            let empty = PersonInsight(
                name: named.person.name, slug: named.slug, edited: [], suggestedCrates: [], suggestedQuotes: [])
            add(&people[named.slug, default: empty])
            if let url = named.person.url, people[named.slug]?.url == nil { people[named.slug]?.url = url }
        }
        for issue in issues {
            for editor in issue.editors { note(editor) { $0.edited.append(issue.reference) } }
            for person in issue.crateSuggesters { note(person) { $0.suggestedCrates.append(issue.reference) } }
            for person in issue.quoteSuggesters { note(person) { $0.suggestedQuotes.append(issue.reference) } }
        }
        return people.values.sorted { $0.slug < $1.slug }
    }
}
