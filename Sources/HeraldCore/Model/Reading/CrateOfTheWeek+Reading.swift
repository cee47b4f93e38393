import HeraldMarkdown

extension CrateOfTheWeek {
    /// Reads "This week's crate is [name](url), a description. Thanks to [someone](url) for the
    /// suggestion!", in any of the forms the section has taken (one paragraph or two, inside a
    /// quote). `nil` when no crate was selected.
    init?(blocks: [MarkdownNode], context: ReadingContext) {
        let paragraphs = blocks.flatMap { block in
            block.kind == .paragraph ? [block] : block.descendants.filter { $0.kind == .paragraph }
        }
        guard
            let lead = paragraphs.first(where: { paragraph in
                !paragraph.isRemark && !paragraph.isThanks && !paragraph.isSubmissionCall && paragraph.firstLink != nil
            })
        else { return nil }
        let text = LinkedText(lead)
        guard let link = text.link else { return nil }
        var description = text.trailing
        if let thanks = description.firstByteRange(of: "Thank") {
            description = String(description[..<thanks.lowerBound])
        }
        description = description.trimmingLeadingSeparators
        if description.hasSuffix(".") || description.hasSuffix("!") { description.removeLast() }
        let suggestion = paragraphs.first(where: \.isThanks).flatMap(Person.init(thanking:))
        self.init(
            name: link.plainText.trimmingWhitespace, url: link.destination, description: description.nonEmpty,
            suggestedBy: suggestion, source: context.span(of: lead))
    }
}
