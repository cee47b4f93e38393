import HeraldMarkdown

extension CallForTesting {
    /// Reads `* [Feature](url)` with an optional nested `- [Testing steps](url)`.
    init?(item: MarkdownNode, context: ReadingContext) {
        guard let lead = item.leadParagraph else { return nil }
        let text = LinkedText(lead)
        guard !text.title.isEmpty || text.url != nil else { return nil }
        let steps = MarkdownNode.items(in: item.children).lazy
            .compactMap(\.firstLink)
            .first { $0.plainText.containsIgnoringCase("testing steps") }
        self.init(title: text.title, url: text.url, testingSteps: steps?.destination, source: context.span(of: item))
    }
}
