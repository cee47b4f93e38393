import HeraldMarkdown

extension ProjectUpdates {
    /// Reads "448 pull requests were merged in the last week" and the pull request lists.
    init(groups: [SectionOutline.BlockGroup], context: ReadingContext) {
        let paragraphs = groups.flatMap(\.blocks).filter { $0.kind == .paragraph }
        let merged = paragraphs.lazy.compactMap { paragraph -> Int? in
            let words = paragraph.plainText.splitting(" ").prefix(2)
            guard words.count == 2, words.last?.hasPrefixIgnoringCase("pull") == true else { return nil }
            return words.first.flatMap { Int($0) }
        }.first
        self.init(
            mergedPullRequests: merged,
            groups: SectionContent.entries(of: groups) { LinkEntry(item: $0, context: context) })
    }
}

extension PerformanceTriage {
    /// Reads "Triage done by **@who**. Revision range: [a..b](url)", the "2 Regressions,
    /// 4 Improvements, 10 Mixed" line and the "Full report" link. `nil` for an empty section.
    init?(groups: [SectionOutline.BlockGroup], context: ReadingContext) {
        let blocks = groups.flatMap(\.blocks)
        guard let first = blocks.first(where: { $0.kind != .htmlBlock }) else { return nil }
        self.init(source: context.span(of: first))
        let paragraphs = blocks.flatMap {
            $0.kind == .paragraph ? [$0] : $0.descendants.filter { $0.kind == .paragraph }
        }
        var bestCounts = 0
        for paragraph in paragraphs {
            let text = paragraph.plainText
            if triager == nil, let done = text.firstRange(of: "Triage done by") {
                var rest = text[done.upperBound...]
                if let revision = rest.firstRange(of: "Revision range") { rest = rest[..<revision.lowerBound] }
                var name = rest.trimmingLeadingSeparators
                while name.hasSuffix(".") { name.removeLast() }
                triager = name.nonEmpty
            }
            if revisionRange == nil, text.contains("Revision range") {
                let children = Array(paragraph.children)
                if let label = children.firstIndex(where: { $0.plainText.contains("Revision range") }),
                    let link = children[label...].lazy.compactMap({ $0.kind == .link ? $0 : $0.firstLink }).first
                {
                    revisionRange = link.plainText.trimmingWhitespace
                    revisionURL = link.destination
                }
            }
            if reportURL == nil,
                let report = paragraph.descendants.first(where: {
                    $0.kind == .link && $0.plainText.containsIgnoringCase("full report")
                })
            {
                reportURL = report.destination
            }
            let counts = PerformanceTriage.counts(in: text)
            let found = [counts.regressions, counts.improvements, counts.mixed].compactMap { $0 }.count
            if found > bestCounts {
                bestCounts = found
                (regressions, improvements, mixed) = counts
            }
        }
    }

    /// The numbers written before "Regression(s)", "Improvement(s)" and "Mixed".
    static func counts(in text: String) -> (regressions: Int?, improvements: Int?, mixed: Int?) {
        var result: (regressions: Int?, improvements: Int?, mixed: Int?) = (nil, nil, nil)
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
        for (index, word) in words.enumerated().dropFirst() {
            guard let count = Int(words[index - 1]) else { continue }
            if word.hasPrefixIgnoringCase("regression"), result.regressions == nil { result.regressions = count }
            if word.hasPrefixIgnoringCase("improvement"), result.improvements == nil { result.improvements = count }
            if word.hasPrefixIgnoringCase("mixed"), result.mixed == nil { result.mixed = count }
        }
        return result
    }
}

extension JobEntry {
    /// Reads job lists, taking the employer from a preceding `**Employer**` paragraph.
    static func groups(of groups: [SectionOutline.BlockGroup], context: ReadingContext) -> [EntryGroup<JobEntry>] {
        groups.compactMap { group in
            var employer: String?
            var entries: [JobEntry] = []
            for block in group.blocks {
                if block.kind == .paragraph, block.isStrongLabel {
                    employer = block.plainText.trimmingWhitespace
                }
                guard block.kind == .list else { continue }
                for item in block.children {
                    guard let lead = item.leadParagraph, !lead.isRemark else { continue }
                    let text = LinkedText(lead)
                    guard !text.title.isEmpty || text.url != nil else { continue }
                    entries.append(
                        JobEntry(title: text.title, url: text.url, employer: employer, source: context.span(of: item)))
                }
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EntryGroup(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }
}

extension TextBlock {
    /// Keeps the paragraphs, list items, quotes and tables of a section as text and links.
    static func groups(of groups: [SectionOutline.BlockGroup], context: ReadingContext) -> [EntryGroup<TextBlock>] {
        groups.compactMap { group in
            let entries = group.blocks.flatMap { block -> [TextBlock] in
                switch block.kind {
                case .list:
                    return block.children.map { TextBlock(node: $0, context: context) }
                case .paragraph, .blockQuote, .table:
                    return [TextBlock(node: block, context: context)]
                default:
                    return []
                }
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EntryGroup(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }

    init(node: MarkdownNode, context: ReadingContext) {
        self.init(text: node.plainText.trimmingWhitespace, links: node.links, source: context.span(of: node))
    }
}
