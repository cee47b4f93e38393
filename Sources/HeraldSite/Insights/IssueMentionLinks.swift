import HeraldCore

/// The small "across the archive" note under a published issue: its Crate of the Week, who it
/// quotes, the people and the event places it names, each linked to its insight page.
///
/// Made from the issue's own model (``IssueMentions``), so the page's key stays the issue's: every
/// name it lists has a page, since the insights are made from the same published issues.
struct IssueMentionLinks {
    let context: SiteContext

    /// The template values (`groups`, each with a `label` and `links`), or `nil` for a draft or
    /// hidden issue, whose names the insights do not hold, and for an issue that names nothing.
    func values(for issue: SiteIssue) -> [String: Any]? {
        guard !issue.isDraft, !issue.isHidden else { return nil }
        let mentions = IssueMentions(of: context.issueModel(of: issue))
        guard !mentions.isEmpty else { return nil }
        let links = context.links
        func group(_ label: String, _ list: [IssueMentions.Mention], _ url: (String) -> String) -> [String: Any]? {
            guard !list.isEmpty else { return nil }
            let links = list.enumerated().map { offset, mention -> [String: Any] in
                ["name": mention.name, "url": url(mention.slug), "more": offset + 1 < list.count]
            }
            return ["label": label, "links": links]
        }
        let groups = [
            group("Crate of the Week", mentions.crates) { links.link(to: InsightPaths.crate(slug: $0)) },
            group("Quoted", mentions.quoteAuthors) { links.link(to: InsightPaths.quotes) + "#" + $0 },
            group("People", mentions.people) { links.link(to: InsightPaths.person(slug: $0)) },
            group("Events in", mentions.places) { links.link(to: InsightPaths.place(slug: $0)) },
        ].compactMap { $0 }
        return ["groups": groups]
    }
}
