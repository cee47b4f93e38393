import HeraldMarkdown

extension CFPProject {
    /// Reads `* [easy] [Project - task](url)` (or the older `[project: task](url)`).
    init?(item: MarkdownNode, context: ReadingContext) {
        guard let lead = item.leadParagraph else { return nil }
        let text = LinkedText(lead)
        let title = text.title
        guard !title.isEmpty || text.url != nil else { return nil }
        var project: String?
        var task = title
        for separator in [" - ", " – ", ": "] {
            if let range = title.firstByteRange(of: separator), let name = title[..<range.lowerBound].nonEmpty {
                project = name
                task = title[range.upperBound...].trimmingWhitespace
                break
            }
        }
        self.init(project: project, task: task, url: text.url, tags: text.tags, source: context.span(of: item))
    }
}

extension CFPEvent {
    /// Reads `* [**Event**](url) | closes | location | event dates`; links after the first
    /// ("Event Page") are not fields.
    init?(item: MarkdownNode, context: ReadingContext) {
        guard let lead = item.leadParagraph else { return nil }
        let text = LinkedText(lead)
        guard !text.title.isEmpty || text.url != nil else { return nil }
        let linkTexts = Set(text.otherLinks.map { $0.plainText.trimmingWhitespace })
        let fields = text.trailing.splitting("|").compactMap(\.nonEmpty).filter { !linkTexts.contains($0) }
        self.init(
            event: text.title, url: text.url, closes: fields.first, location: fields.count > 1 ? fields[1] : nil,
            eventDates: fields.count > 2 ? fields[2...].joined(separator: " | ") : nil, source: context.span(of: item))
    }
}
