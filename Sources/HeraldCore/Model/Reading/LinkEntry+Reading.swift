import HeraldMarkdown

extension LinkEntry {
    /// Reads `* [tag] [Title](url). Comment` from a list item.
    init?(item: MarkdownNode, context: ReadingContext) {
        guard let lead = item.leadParagraph else { return nil }
        let text = LinkedText(lead)
        guard !text.title.isEmpty || text.url != nil else { return nil }
        self.init(
            title: text.title, url: text.url, prefixes: text.tags,
            note: text.trailing.trimmingLeadingSeparators.nonEmpty,
            source: context.span(of: item))
    }
}
