extension Insights {
    /// Every Crate of the Week, then each issue's links matched to them: by registry name, by a
    /// repository of the crate's name, or by the home the feature linked to.
    static func crates(in issues: [IssueInsights]) -> [CrateInsight] {
        var crates: [String: CrateInsight] = [:]
        var homes: [String: String] = [:]
        for issue in issues {
            for (slug, home, name, feature) in issue.features {
                crates[slug, default: CrateInsight(name: name, slug: slug, features: [], mentions: [])]
                    .features.append(feature)
                if let home { homes[home] = slug }
            }
        }
        for issue in issues {
            var mentioned: Set<String> = []
            for link in issue.links {
                if let name = link.name, crates[name] != nil {
                    mentioned.insert(name)
                } else if let home = link.home, let slug = homes[home] {
                    mentioned.insert(slug)
                }
            }
            for slug in mentioned { crates[slug]?.mentions.append(issue.reference) }
        }
        return crates.values.sorted { $0.slug < $1.slug }
    }
}
