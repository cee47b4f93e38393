import HeraldMarkdown

extension ProjectUpdates {
    /// Reads "448 pull requests were merged in the last week" and the pull request lists.
    /// The paragraph with the count and any other text is kept by `leftover`.
    init(groups: [SectionOutline.BlockGroup], leftover: inout SectionLeftover, context: ReadingContext) {
        let paragraphs = groups.flatMap(\.blocks).filter { $0.kind == .paragraph }
        let merged = paragraphs.lazy.compactMap { paragraph -> Int? in
            let words = paragraph.plainText.splitting(" ").prefix(2)
            guard words.count == 2, words.last?.hasPrefixIgnoringCase("pull") == true else { return nil }
            return words.first.flatMap { Int($0) }
        }.first
        self.init(
            mergedPullRequests: merged,
            groups: leftover.entries(of: groups, context: context) { LinkEntry(item: $0, context: context) })
    }
}
