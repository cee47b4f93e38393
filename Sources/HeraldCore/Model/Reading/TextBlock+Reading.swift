import HeraldMarkdown

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
