import HeraldMarkdown

extension TextBlock {
    /// Keeps the paragraphs, list items, quotes, tables and code of a section as text and links.
    static func groups(of groups: [SectionOutline.BlockGroup], context: ReadingContext) -> [EntryGroup<TextBlock>] {
        groups.compactMap { group in
            let entries = group.blocks.flatMap { block -> [TextBlock] in
                if block.kind == .list { return block.children.map { TextBlock(node: $0, context: context) } }
                return keeps(block) ? [TextBlock(node: block, context: context)] : []
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EntryGroup(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }

    /// Whether a block says something worth keeping as text: paragraphs, quotes, tables and
    /// code, but not rules or raw HTML (comments, layout).
    static func keeps(_ block: MarkdownNode) -> Bool {
        switch block.kind {
        case .paragraph, .blockQuote, .table, .codeBlock: true
        default: false
        }
    }

    init(node: MarkdownNode, context: ReadingContext) {
        self.init(text: node.plainText.trimmingWhitespace, links: node.links, source: context.span(of: node))
    }
}
