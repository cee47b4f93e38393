import HeraldCore

extension GitHubGatherer.Result {
    /// Each gathered section in This Week in Rust's format, in configuration order.
    ///
    /// Groups with items get a heading and a list; the groups that had none are named in one
    /// "no items this week" line, as the editors write it. A group whose query failed is in
    /// neither, so a network error never reads as a quiet week.
    public func sections(webBase: String) -> [GatheredSection] {
        var sections: [GatheredSection] = []
        for kind in NewsletterConfiguration.Gather.GitHub.sections {
            let groups = self.groups.filter { $0.query.section == kind }
            guard !groups.isEmpty else { continue }
            sections.append(section(kind, groups: groups))
        }
        if let merged = mergedCount {
            sections.append(mergedSection(merged, webBase: webBase))
        }
        return sections
    }

    /// `448 pull requests were [merged in the last week](…)`, for the project-updates section.
    private func mergedSection(_ count: Int, webBase: String) -> GatheredSection {
        let search = "is:pr org:\(organisation) is:merged merged:\(first)..\(last)"
        let url = webBase + "/search?q=" + GitHubAPI.encode(search).replacingOccurrences(of: "%20", with: "+")
        let noun = count == 1 ? "pull request was" : "pull requests were"
        return GatheredSection(
            kind: .projectUpdates, blocks: [.lines(["\(count) \(noun) [merged in the last week](\(url))"])])
    }

    private func section(
        _ kind: SectionKind, groups: [(query: NewsletterConfiguration.Gather.GitHub.Query, items: [GitHubItem])]
    ) -> GatheredSection {
        let empty = groups.filter { $0.items.isEmpty }.map { MarkdownText.link($0.query.name, $0.query.url) }
        switch kind {
        case .approvedRFCs, .newRFCs:
            let items = groups.flatMap(\.items)
            let isNew = kind == .newRFCs
            let lines =
                items.isEmpty
                ? [
                    isNew
                        ? "* *No New or Updated RFCs were created this week.*" : "* *No RFCs were approved this week.*"
                ]
                : items.map { (isNew ? "* [new] " : "* ") + MarkdownText.link($0.title, $0.url) }
            return GatheredSection(kind: kind, blocks: [.lines(lines)])
        case .finalCommentPeriod:
            var blocks = listedGroups(groups) { item in
                let prefix = item.disposition.map { $0 == "merge" ? "" : "[disposition: \($0)] " } ?? ""
                return "* " + prefix + MarkdownText.link(item.title, item.url)
            }
            if !empty.isEmpty {
                blocks.append(.lines(Self.sentence("*No Items entered Final Comment Period this week for", empty)))
            }
            return GatheredSection(kind: kind, blocks: blocks, defaultGroupLevel: 5)
        default:
            var blocks = listedGroups(groups) { "* " + MarkdownText.link($0.title, $0.url) }
            if !empty.isEmpty {
                var lines = Self.sentence("*No calls for testing were issued this week by", empty)
                lines[0] = "* " + lines[0]
                blocks.append(.lines(lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }))
            }
            return GatheredSection(kind: kind, blocks: blocks, defaultGroupLevel: 3)
        }
    }

    private func listedGroups(
        _ groups: [(query: NewsletterConfiguration.Gather.GitHub.Query, items: [GitHubItem])],
        line: (GitHubItem) -> String
    ) -> [GatheredSection.Block] {
        groups.filter { !$0.items.isEmpty }.flatMap { group -> [GatheredSection.Block] in
            [.heading(MarkdownText.link(group.query.name, group.query.url), depth: 0), .lines(group.items.map(line))]
        }
    }

    /// `*No … for\n[A](…),\n[B](…) or\n[C](…).*`, one group a line as TWiR writes it.
    private static func sentence(_ opening: String, _ names: [String]) -> [String] {
        var lines = [opening]
        for (index, name) in names.enumerated() {
            let ending = index == names.count - 1 ? ".*" : index == names.count - 2 ? " or" : ","
            lines.append(name + ending)
        }
        return lines
    }
}
