import HeraldCore

/// What each insight page shows, as a key: a page is rewritten only when its facts change, so
/// publishing an issue rewrites the pages of the crates, people and places it names, not all.
extension StableHash {
    mutating func combine(_ reference: IssueReference) {
        combine(reference.id)
        combine(reference.title)
        combine(reference.number.map(String.init) ?? "")
        combine(reference.date.description)
    }

    mutating func combine(_ person: Person?) {
        combine(person?.name ?? "")
        combine(person?.url ?? "")
    }

    mutating func combine(_ crate: CrateInsight) {
        combine(crate.name)
        for feature in crate.features {
            combine(feature.issue)
            combine(feature.url ?? "")
            combine(feature.description ?? "")
            combine(feature.suggestedBy)
        }
        for mention in crate.mentions { combine(mention) }
    }

    mutating func combine(_ person: PersonInsight) {
        combine(person.name)
        combine(person.url ?? "")
        for list in [person.edited, person.suggestedCrates, person.suggestedQuotes] {
            combine(String(list.count))
            for reference in list { combine(reference) }
        }
    }

    mutating func combine(_ place: PlaceInsight) {
        combine(place.name)
        for event in place.events {
            combine(event.issue)
            combine(event.entry)
        }
    }

    mutating func combine(_ entry: EventEntry) {
        combine(entry.date?.description ?? entry.dateText ?? "")
        combine(entry.location ?? "")
        combine(entry.isVirtual)
        combine(entry.organiser)
        for title in entry.titles {
            combine(title.title)
            combine(title.url)
        }
        combine(entry.text)
    }

    mutating func combine(_ author: QuoteAuthor) {
        combine(author.name)
        for quote in author.quotes {
            combine(quote.issue)
            combine(quote.text)
            combine(quote.sourceURL ?? "")
            combine(quote.suggestedBy)
        }
    }
}
