import Foundation
import HeraldCore
import HeraldMarkdown

extension GitHubGatherer.Result {
    typealias Query = NewsletterConfiguration.Gather.GitHub.Query

    /// Each gathered section in the configured format (This Week in Rust's by default), in
    /// configuration order.
    ///
    /// Groups with items get a linked heading and a list of raw titles, their code spans kept;
    /// the groups that had none are named in one "no items this week" note. A group whose query
    /// failed is in neither, so a network error never reads as a quiet week.
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

    /// `448 pull requests were [merged in the last week][merged]` and its `[merged]: …` line, or
    /// the link inline.
    private func mergedSection(_ count: Int, webBase: String) -> GatheredSection {
        let search = "is:pr org:\(organisation) is:merged merged:\(first)..\(last)"
        let url = webBase + "/search?q=" + GitHubAPI.encode(search).replacingOccurrences(of: "%20", with: "+")
        let noun = count == 1 ? "pull request was" : "pull requests were"
        let blocks: [GatheredSection.Block] =
            switch format.mergedLink {
            case .reference:
                [
                    .lines(["\(count) \(noun) [merged in the last week][merged]"]),
                    .lines(["[merged]: \(MarkdownText.destination(url))"]),
                ]
            case .inline:
                [.lines(["\(count) \(noun) [merged in the last week](\(MarkdownText.destination(url)))"])]
            }
        return GatheredSection(kind: .projectUpdates, blocks: blocks)
    }

    private func section(_ kind: SectionKind, groups: [(query: Query, items: [GitHubItem])]) -> GatheredSection {
        let empty = groups.filter { $0.items.isEmpty }.map { MarkdownText.link($0.query.name, $0.query.url) }
        switch kind {
        case .approvedRFCs, .newRFCs:
            let items = groups.flatMap(\.items)
            let prefix = kind == .newRFCs ? format.newRFCPrefix : ""
            let lines =
                items.isEmpty
                ? Self.lines(kind == .newRFCs ? format.noNewRFCs : format.noApprovedRFCs)
                : items.map { "* " + prefix + Self.entry($0) }
            return GatheredSection(kind: kind, blocks: [.lines(lines)])
        case .finalCommentPeriod:
            var blocks = listedGroups(groups) { item in
                let prefix = item.disposition.map { $0 == "merge" ? "" : "[disposition: \($0)] " } ?? ""
                return "* " + prefix + Self.entry(item)
            }
            if !empty.isEmpty { blocks.append(.lines(Self.note(format.noFinalCommentPeriod, naming: empty))) }
            return GatheredSection(kind: kind, blocks: blocks, defaultGroupLevel: format.commentPeriodHeadingLevel)
        default:
            var blocks = listedGroups(groups) { "* " + Self.entry($0) }
            if !empty.isEmpty { blocks.append(.lines(Self.note(format.noCallsForTesting, naming: empty))) }
            return GatheredSection(kind: kind, blocks: blocks, defaultGroupLevel: format.testingHeadingLevel)
        }
    }

    /// `[Title with `code`](url)`: GitHub's title as GitHub shows it, its code spans code.
    private static func entry(_ item: GitHubItem) -> String {
        MarkdownText.writer.link(item.title, to: item.url, keepingCodeSpans: true)
    }

    private func listedGroups(_ groups: [(query: Query, items: [GitHubItem])], line: (GitHubItem) -> String)
        -> [GatheredSection.Block]
    {
        groups.filter { !$0.items.isEmpty }.flatMap { group -> [GatheredSection.Block] in
            let heading = MarkdownText.link(group.query.name, group.query.url)
            return [
                .heading(heading + (group.query.headingNote.map { " " + $0 } ?? ""), depth: 0),
                .lines(group.items.map(line)),
            ]
        }
    }

    /// The note naming the groups without items: `{groups}` in `template` becomes their links, one
    /// a line, `,` after each but the last two, ` or` between those.
    static func note(_ template: String, naming names: [String]) -> [String] {
        let groups = names.enumerated().map { index, name in
            name + (index == names.count - 1 ? "" : index == names.count - 2 ? " or" : ",")
        }.joined(separator: "\n")
        return lines(template.replacingOccurrences(of: "{groups}", with: groups))
    }

    /// `text`'s lines; when it is a list item (`* …`), the lines after the first indented to its
    /// content, as an editor continues an item.
    private static func lines(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let marker = ["* ", "- ", "+ "].first(where: first.hasPrefix) else {
            return lines
        }
        let indent = String(repeating: " ", count: marker.count)
        return [first] + lines.dropFirst().map { $0.isEmpty ? $0 : indent + $0 }
    }
}
