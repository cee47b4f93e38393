import HeraldMarkdown

extension FCPEntry {
    /// Reads `* [disposition: merge] [Title](url)` from a list item.
    init?(item: MarkdownNode, context: ReadingContext) {
        guard let lead = item.leadParagraph else { return nil }
        let text = LinkedText(lead)
        guard !text.title.isEmpty || text.url != nil else { return nil }
        let disposition = text.tags.lazy.compactMap { tag -> String? in
            let parts = tag.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingWhitespace.lowercased() == "disposition" else { return nil }
            return parts[1].trimmingWhitespace
        }.first
        self.init(disposition: disposition, title: text.title, url: text.url, source: context.span(of: item))
    }
}
