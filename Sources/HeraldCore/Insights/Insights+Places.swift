extension Insights {
    /// Events by the place they were held in. Issues list an event week after week until it
    /// happens; each is kept once, from the first issue that listed it.
    static func places(in issues: [IssueInsights]) -> [PlaceInsight] {
        var places: [String: PlaceInsight] = [:]
        var seen: Set<String> = []
        for issue in issues {
            for (slug, name, identity, event) in issue.events where seen.insert(identity).inserted {
                places[slug, default: PlaceInsight(name: name, slug: slug, events: [])].events.append(event)
                places[slug]?.name = name
            }
        }
        return places.values.sorted { $0.slug < $1.slug }
    }
}
