import Foundation
import HeraldCore

/// Renders the insight pages (the index, a crate, the quotes, the people, a region) with their
/// templates, each overridable like every other page's.
struct InsightPages {
    let context: SiteContext
    let insights: Insights

    private var values: TemplateValues { TemplateValues(context: context) }
    private var siteTitle: String { context.configuration.site.title }

    func index() -> String {
        let links = context.links
        let page: [String: Any] = [
            "crates": insights.crates.map { crate -> [String: Any] in
                [
                    "name": crate.name, "url": links.link(to: InsightPaths.crate(crate)),
                    "mentions": count(crate.mentions.count, "issue"),
                ]
            },
            "quotesURL": links.link(to: InsightPaths.quotes),
            "quoteCount": insights.quoteAuthors.reduce(0) { $0 + $1.quotes.count },
            "peopleURL": links.link(to: InsightPaths.people),
            "people": insights.people.map { person -> [String: Any] in
                [
                    "name": person.name,
                    "url": InsightPaths.link(to: InsightPaths.people, anchor: person.slug, with: links),
                    "issues": count(person.issues.count, "issue"),
                ]
            },
            "regions": PlaceRegion.regions(of: insights.places).map { region -> [String: Any] in
                [
                    "name": region.name, "url": links.link(to: InsightPaths.region(region)),
                    "events": count(region.eventCount, "event"),
                    "places": region.places.enumerated().map { offset, place -> [String: Any] in
                        [
                            "name": place.name, "url": placeLink(slug: place.slug),
                            "more": offset + 1 < region.places.count,
                        ]
                    },
                ]
            },
        ]
        return render(TemplateName.insights, title: "Crates, quotes, people and events", page)
    }

    func crate(_ crate: CrateInsight) -> String {
        var perYear: [(label: Int, count: Int)] = []
        if let years = insights.years {
            perYear = crate.mentionsPerYear(from: years.lowerBound, to: years.upperBound).map { ($0.year, $0.count) }
        }
        let page: [String: Any] = [
            "crate": [
                "name": crate.name,
                "sparkline": Sparkline(points: perYear).svg(),
                "features": crate.features.map { feature -> [String: Any] in
                    var values = issue(feature.issue)
                    if let url = feature.url { values["crateURL"] = url }
                    if let description = feature.description { values["description"] = description }
                    if let person = feature.suggestedBy { values["suggestedBy"] = self.person(person) }
                    return values
                },
                "mentions": crate.mentions.reversed().map(issue),
                "mentionCount": crate.mentions.count,
            ]
        ]
        return render(TemplateName.crate, title: "\(crate.name) (crate)", page)
    }

    func quotes() -> String {
        let page: [String: Any] = [
            "authors": insights.quoteAuthors.map { author -> [String: Any] in
                [
                    "name": author.name,
                    "id": Insights.slug(author.name),
                    "quotes": author.quotes.map { quote -> [String: Any] in
                        var values = issue(quote.issue)
                        values["text"] = quote.text
                        if let url = quote.sourceURL { values["sourceURL"] = url }
                        return values
                    },
                ]
            }
        ]
        return render(TemplateName.quotes, title: "Quotes of the Week", page)
    }

    /// Everyone on one page, each under the anchor of their slug.
    func people() -> String {
        let people = insights.people.map { person -> [String: Any] in
            var values: [String: Any] = [
                "name": person.name, "id": person.slug,
                "edited": person.edited.reversed().map(issue),
                "suggestedCrates": person.suggestedCrates.reversed().map(issue),
                "suggestedQuotes": person.suggestedQuotes.reversed().map(issue),
            ]
            values["hasEdited"] = !person.edited.isEmpty
            values["hasSuggestedCrates"] = !person.suggestedCrates.isEmpty
            values["hasSuggestedQuotes"] = !person.suggestedQuotes.isEmpty
            if let url = person.url { values["homeURL"] = url }
            return values
        }
        return render(TemplateName.people, title: "People", ["people": people])
    }

    /// A region's places, each under the anchor of its slug, with its events newest first.
    func region(_ region: PlaceRegion) -> String {
        let places = region.places.map { place -> [String: Any] in
            let events: [[String: Any]] = place.events.reversed().map { event in
                var values = issue(event.issue)
                let entry = event.entry
                values["eventDate"] = entry.date?.description ?? entry.dateText ?? ""
                values["titles"] = entry.titles.map { ["title": $0.title, "url": $0.url] }
                values["text"] = entry.text
                if let location = entry.location { values["location"] = location }
                return values
            }
            return [
                "name": place.name, "id": place.slug, "events": events, "count": count(place.events.count, "event"),
            ]
        }
        var values: [String: Any] = ["name": region.name, "places": places, "count": count(region.eventCount, "event")]
        if !region.upcomingEvents(from: context.published.last?.metadata.date).isEmpty {
            values["calendarURL"] = context.links.link(to: InsightPaths.regionCalendar(region))
        }
        return render(TemplateName.region, title: "Events in \(region.name)", ["region": values])
    }

    /// `1 issue`, `2 issues`.
    private func count(_ number: Int, _ noun: String) -> String { number == 1 ? "1 \(noun)" : "\(number) \(noun)s" }

    /// An issue as insight lists show it: title, address, date and number.
    private func issue(_ reference: IssueReference) -> [String: Any] {
        var values: [String: Any] = [
            "title": reference.title, "url": context.links.link(to: reference.id), "date": reference.date.description,
        ]
        if let number = reference.number { values["number"] = number }
        return values
    }

    /// A person with their place on the people page: every suggester has one, under the slug
    /// of their name.
    private func person(_ person: Person) -> [String: Any] {
        var values: [String: Any] = ["name": person.name]
        let slug = Insights.slug(person.name.trimmingCharacters(in: .whitespacesAndNewlines))
        if slug != "-" {
            values["personURL"] = InsightPaths.link(to: InsightPaths.people, anchor: slug, with: context.links)
        }
        return values
    }

    /// A place's link: its region's page, at the place's anchor.
    private func placeLink(slug: String) -> String {
        InsightPaths.link(
            to: InsightPaths.region(slug: PlaceRegion.slug(ofPlace: slug)), anchor: slug, with: context.links)
    }

    private func render(_ template: String, title: String, _ page: [String: Any]) -> String {
        var page = page
        page["insightsURL"] = context.links.link(to: InsightPaths.index)
        let meta = values.meta(title: "\(title) · \(siteTitle)")
        return context.theme.renderPage(template, context: values.page(meta: meta, page))
    }
}
