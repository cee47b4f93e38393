import Foundation
import HeraldCore

/// Renders the insight pages (the index, a crate, the quotes, the people, a region) with their
/// templates, each overridable like every other page's, in the site's language.
///
/// The long lists (every crate, person and place on the index, a crate's issues, a person's
/// issues, a place's events) reach the templates written as HTML (`cratesHTML`, `mentionsHTML`,
/// …): tens of thousands of items each looked up value by value through a template cost more
/// than writing them here, even with Herald's own engine.
struct InsightPages {
    let context: SiteContext
    let insights: Insights

    private var values: TemplateValues { TemplateValues(context: context) }
    private var siteTitle: String { context.configuration.site.title }
    private var labels: SiteLabels { context.configuration.labels }

    func index() -> String {
        let links = context.links
        var crates = ""
        for crate in insights.crates {
            crates += "    <li>" + MarkupEscaping.link(to: links.link(to: InsightPaths.crate(crate)), crate.name)
            crates += " <span class=\"count\">\(count(crate.mentions.count, .issueCountOne, .issueCount))</span></li>\n"
        }
        var people = ""
        for person in insights.people {
            let url = InsightPaths.link(to: InsightPaths.people, anchor: person.slug, with: links)
            people += "    <li>" + MarkupEscaping.link(to: url, person.name)
            people += " <span class=\"count\">\(count(person.issues.count, .issueCountOne, .issueCount))</span></li>\n"
        }
        var regions = ""
        for region in PlaceRegion.regions(of: insights.places) {
            regions += "    <li>" + MarkupEscaping.link(to: links.link(to: InsightPaths.region(region)), region.name)
            regions += " <span class=\"count\">\(count(region.eventCount, .eventCountOne, .eventCount))</span>:\n      "
            regions +=
                region.places.map { MarkupEscaping.link(to: placeLink(slug: $0.slug), $0.name) }.joined(separator: "; ")
                + "</li>\n"
        }
        let archive = MarkupEscaping.link(to: links.link(to: "archive/index.html"), labels[.archiveLink])
        let intro = MarkupEscaping.escape(labels[.insightsIntro]).replacingOccurrences(of: "{archive}", with: archive)
        let page: [String: Any] = [
            "introHTML": intro,
            "cratesHTML": crates, "peopleHTML": people, "regionsHTML": regions,
            "quotesURL": links.link(to: InsightPaths.quotes),
            "quoteCount": insights.quoteAuthors.reduce(0) { $0 + $1.quotes.count },
            "peopleURL": links.link(to: InsightPaths.people),
        ]
        return render(TemplateName.insights, title: labels[.insightsTitle], page)
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
                "mentionedIn": labels.text(
                    .mentionedIn, ["count": count(crate.mentions.count, .issueCountOne, .issueCount)]),
                "features": crate.features.map { feature -> [String: Any] in
                    var values = issue(feature.issue)
                    if let url = feature.url { values["crateURL"] = url }
                    if let description = feature.description { values["description"] = description }
                    if let person = feature.suggestedBy { values["suggestedBy"] = self.person(person) }
                    return values
                },
                "mentionsHeading": labels.text(.issuesLinkingTo, ["name": crate.name]),
                "mentionsHTML": issueList(crate.mentions.reversed()),
                "mentionCount": crate.mentions.count,
            ]
        ]
        return render(TemplateName.crate, title: labels.text(.crateTitle, ["name": crate.name]), page)
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
        return render(TemplateName.quotes, title: labels[.quotesOfTheWeek], page)
    }

    /// Everyone on one page, each under the anchor of their slug.
    func people() -> String {
        let people = insights.people.map { person -> [String: Any] in
            var values: [String: Any] = ["name": person.name, "id": person.slug]
            let lists = [
                ("editedHTML", person.edited), ("suggestedCratesHTML", person.suggestedCrates),
                ("suggestedQuotesHTML", person.suggestedQuotes),
            ]
            for (key, issues) in lists where !issues.isEmpty { values[key] = issueList(issues.reversed()) }
            if let url = person.url { values["homeURL"] = url }
            return values
        }
        return render(TemplateName.people, title: labels[.people], ["people": people])
    }

    /// A region's places, each under the anchor of its slug, with its events newest first.
    func region(_ region: PlaceRegion) -> String {
        let places = region.places.map { place -> [String: Any] in
            var events = ""
            for event in place.events.reversed() {
                let entry = event.entry
                let day = MarkupEscaping.escape(entry.date?.description ?? entry.dateText ?? "")
                events += "    <li><time datetime=\"\(day)\">\(day)</time>\n      "
                events +=
                    entry.titles.isEmpty
                    ? MarkupEscaping.escape(entry.text)
                    : entry.titles.map { MarkupEscaping.link(to: $0.url, $0.title) + " " }.joined()
                events += "\n      <span class=\"count\">\(MarkupEscaping.escape(labels[.listedIn])) "
                events +=
                    MarkupEscaping.link(to: context.links.link(to: event.issue.id), event.issue.title)
                    + "</span></li>\n"
            }
            return [
                "name": place.name, "id": place.slug, "eventsHTML": events,
                "count": count(place.events.count, .eventCountOne, .eventCount),
            ]
        }
        let heading = labels.text(.eventsIn, ["name": region.name])
        var values: [String: Any] = [
            "name": region.name, "heading": heading, "places": places,
            "count": count(region.eventCount, .eventCountOne, .eventCount),
        ]
        if !region.upcomingEvents(from: context.published.last?.metadata.date).isEmpty {
            values["calendarURL"] = context.links.link(to: InsightPaths.regionCalendar(region))
        }
        return render(TemplateName.region, title: heading, ["region": values])
    }

    /// `1 issue`, `2 issues`, in the site's language.
    private func count(_ number: Int, _ one: SiteLabels.Key, _ many: SiteLabels.Key) -> String {
        number == 1 ? labels[one] : labels.text(many, ["count": String(number)])
    }

    /// Issues as list items: each linked by its title, with its date.
    private func issueList(_ issues: some Sequence<IssueReference>) -> String {
        var html = ""
        for reference in issues {
            let date = reference.date.description
            html += "    <li>" + MarkupEscaping.link(to: context.links.link(to: reference.id), reference.title)
            html += " <time datetime=\"\(date)\">\(date)</time></li>\n"
        }
        return html
    }

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
        return context.theme.renderPage(template, context: values.page(meta: meta, page)).text
    }
}
