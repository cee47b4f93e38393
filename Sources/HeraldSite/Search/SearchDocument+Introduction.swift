import HeraldMarkdown

extension SearchDocument {
    /// The section name results show for an issue's introduction.
    static let introductionSection = "Introduction"

    /// The introduction, its paragraphs before the first heading, as one prose entry
    /// anchored at the first paragraph; `nil` when the issue starts with a heading.
    ///
    /// Issues that open with the same words every week (This Week in Rust's welcome) share a
    /// ``repeatKey``, so only the newest issue's introduction is a result, as for events; an
    /// introduction that says something of its own is found by its words.
    static func introduction(of document: MarkdownDocument, firstLine: Int) -> SearchDocument? {
        var paragraphs: [String] = []
        var line: Int?
        for block in document.root.children {
            if block.headingLevel != nil { break }
            guard block.kind == .paragraph else { continue }
            let text = block.plainText
            guard !text.isEmpty else { continue }
            line = line ?? block.range.start.line + firstLine - 1
            paragraphs.append(text)
        }
        guard let line else { return nil }
        let text = paragraphs.joined(separator: " ")
        var document = SearchDocument.prose(
            title: introductionSection, text: text, section: introductionSection, line: line)
        document.repeatKey = introductionSection + "\u{1F}" + (document.searchedDetail ?? document.detail)
        return document
    }
}
