extension Insights {
    /// Events by the place they were held in. Issues list an event week after week until it
    /// happens; each is kept once, from the first issue that listed it.
    static func places(in issues: [(reference: IssueReference, issue: Issue)]) -> [PlaceInsight] {
        var places: [String: PlaceInsight] = [:]
        var seen: Set<String> = []
        for (reference, issue) in issues {
            for section in issue.sections(of: .events) {
                for entry in (section.content.events ?? []).flatMap(\.entries) {
                    let name = PlaceInsight.name(of: entry.location ?? (entry.isVirtual ? "Virtual" : ""))
                    let slug = slug(name)
                    guard slug != "-" else { continue }
                    let day = entry.date?.description ?? entry.dateText ?? ""
                    let identity = [slug, day, entry.titles.first?.url ?? entry.text].joined(separator: "\u{1F}")
                    guard seen.insert(identity).inserted else { continue }
                    places[slug, default: PlaceInsight(name: name, slug: slug, events: [])].events.append(
                        PlaceInsight.Event(issue: reference, entry: entry))
                    places[slug]?.name = name
                }
            }
        }
        return places.values.sorted { $0.slug < $1.slug }
    }
}
