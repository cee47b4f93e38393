import HeraldCore

/// The small "across the archive" note under a published issue: its Crate of the Week, who it
/// quotes, the people and the event places it names, each linked to its insight page.
///
/// Made from the issue's own contribution to the insights (``IssueMentions``), so the page's key
/// stays the issue's: every
/// name it lists has a page, since the insights are made from the same published issues.
struct IssueMentionLinks {
    let context: SiteContext

    /// The template values (`groups`, each with a `label` and `links`), or `nil` for a draft or
    /// hidden issue, whose names the insights do not hold, and for an issue that names nothing.
    func values(for issue: SiteIssue) -> [String: Any]? {
        guard !issue.isDraft, !issue.isHidden else { return nil }
        let mentions = IssueMentions(of: context.insightContribution(of: issue))
        guard !mentions.isEmpty else { return nil }
        let links = context.links
        func group(_ label: String, _ list: [IssueMentions.Mention], _ url: (IssueMentions.Mention) -> String)
            -> [String: Any]?
        {
            guard !list.isEmpty else { return nil }
            let links = list.enumerated().map { offset, mention -> [String: Any] in
                ["name": mention.name, "url": url(mention), "more": offset + 1 < list.count]
            }
            return ["label": label, "links": links]
        }
        let labels = context.configuration.labels
        let groups = [
            group(labels[.crateOfTheWeek], mentions.crates) { links.link(to: InsightPaths.crate(slug: $0.slug)) },
            group(labels[.quoted], mentions.quoteAuthors) {
                InsightPaths.link(to: InsightPaths.quotes, anchor: $0.slug, with: links)
            },
            group(labels[.people], mentions.people) {
                InsightPaths.link(to: InsightPaths.people, anchor: $0.slug, with: links)
            },
            group(labels[.eventPlaces], mentions.places) {
                let region = InsightPaths.region(slug: PlaceRegion.slug(ofPlace: $0.slug))
                return InsightPaths.link(to: region, anchor: $0.slug, with: links)
            },
        ].compactMap { $0 }
        return ["groups": groups]
    }
}
