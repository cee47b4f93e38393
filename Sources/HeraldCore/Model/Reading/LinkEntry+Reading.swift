import HeraldMarkdown

extension LinkEntry {
    /// Reads `* [tag] [Title](url). Comment` from a list item, with what follows the line.
    init?(item: MarkdownNode, context: ReadingContext) {
        guard let lead = item.leadParagraph else { return nil }
        let text = LinkedText(lead)
        guard !text.title.isEmpty || text.url != nil else { return nil }
        let details = item.children.filter { $0 != lead }.flatMap { block -> [TextBlock] in
            if block.kind == .list { return block.children.map { TextBlock(node: $0, context: context) } }
            return TextBlock.keeps(block) ? [TextBlock(node: block, context: context)] : []
        }
        self.init(
            title: text.title, url: text.url, prefixes: text.tags,
            note: text.trailing.trimmingLeadingSeparators.nonEmpty,
            otherLinks: text.otherLinks.flatMap { $0.links }, details: details, source: context.span(of: item))
    }
}
