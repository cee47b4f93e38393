extension Insights {
    /// Every Crate of the Week, then each issue's links matched to them: by registry name, by a
    /// repository of the crate's name, or by the home the feature linked to.
    static func crates(in issues: [(reference: IssueReference, issue: Issue)]) -> [CrateInsight] {
        var crates: [String: CrateInsight] = [:]
        var homes: [String: String] = [:]
        for (reference, issue) in issues {
            for section in issue.sections(of: .crateOfTheWeek) {
                guard let crate = section.content.crate else { continue }
                let slug = CrateLink.normalized(crate.name)
                let feature = CrateInsight.Feature(
                    issue: reference, url: crate.url, description: crate.description, suggestedBy: crate.suggestedBy)
                crates[slug, default: CrateInsight(name: crate.name, slug: slug, features: [], mentions: [])]
                    .features.append(feature)
                if let url = crate.url, let home = CrateLink.home(of: url) { homes[home] = slug }
            }
        }
        for (reference, issue) in issues {
            var mentioned: Set<String> = []
            for url in issue.linkURLs {
                let name = CrateLink.registryName(in: url) ?? CrateLink.repositoryName(in: url)
                if let name, crates[name] != nil {
                    mentioned.insert(name)
                } else if let home = CrateLink.home(of: url), let slug = homes[home] {
                    mentioned.insert(slug)
                }
            }
            for slug in mentioned { crates[slug]?.mentions.append(reference) }
        }
        return crates.values.sorted { $0.slug < $1.slug }
    }
}
