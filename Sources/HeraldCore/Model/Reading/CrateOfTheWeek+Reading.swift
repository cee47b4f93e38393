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
        if let thanks = description.firstRange(of: "Thank") { description = String(description[..<thanks.lowerBound]) }
        description = description.trimmingLeadingSeparators
        if description.hasSuffix(".") || description.hasSuffix("!") { description.removeLast() }
        let suggestion = paragraphs.first(where: \.isThanks).flatMap(Person.init(thanking:))
        self.init(
            name: link.plainText.trimmingWhitespace, url: link.destination, description: description.nonEmpty,
            suggestedBy: suggestion, source: context.span(of: lead))
    }
}

extension Quote {
    /// Reads a block quote (or an old-style emphasised quotation), the attribution paragraph
    /// after it, and the "Thanks to … for the suggestion" line. `nil` when no quote was selected.
    init?(blocks: [MarkdownNode], context: ReadingContext) {
        guard
            let index = blocks.firstIndex(where: { block in
                block.kind == .blockQuote
                    || (block.kind == .paragraph && block.isRemark && block.plainText.first.map("\"“'".contains) == true)
            })
        else { return nil }
        let quoted = blocks[index]
        let text: String
        if quoted.kind == .blockQuote {
            text = quoted.children.map { $0.plainText.trimmingWhitespace }.filter { !$0.isEmpty }
                .joined(separator: "\n\n")
        } else {
            text = quoted.plainText.trimmingWhitespace
        }
        let attribution = blocks[(index + 1)...].first { block in
            block.kind == .paragraph && !block.isThanks && !block.isSubmissionCall && !block.isRemark
        }
        let suggestion = blocks[(index + 1)...].first(where: \.isThanks).flatMap(Person.init(thanking:))
        self.init(
            text: text, author: attribution.flatMap { $0.plainText.trimmingLeadingSeparators.nonEmpty },
            sourceURL: attribution?.firstLink?.destination, suggestedBy: suggestion, source: context.span(of: quoted))
    }
}

extension Person {
    /// The person a "Thanks to [name](url) for the suggestion" paragraph thanks: the first link
    /// after "Thank", or else the words between "Thanks to" and "for".
    init?(thanking paragraph: MarkdownNode) {
        let children = Array(paragraph.children)
        if let start = children.firstIndex(where: { $0.plainText.lowercased().contains("thank") }),
            let link = children[start...].lazy.compactMap({ $0.kind == .link ? $0 : $0.firstLink }).first
        {
            self.init(name: link.plainText.trimmingWhitespace, url: link.destination)
            return
        }
        let text = paragraph.plainText
        guard let thanks = ["Thanks to ", "thanks to ", "Thanks "].lazy.compactMap({ text.firstRange(of: $0) }).first
        else { return nil }
        let rest = text[thanks.upperBound...]
        let name = rest.firstRange(of: " for ").map { rest[..<$0.lowerBound] } ?? rest
        guard let name = name.trimmingLeadingSeparators.nonEmpty else { return nil }
        self.init(name: name)
    }
}

extension MarkdownNode {
    /// "Thanks to … for the suggestion", "Thank you, …".
    var isThanks: Bool {
        kind == .paragraph && plainText.trimmingWhitespace.lowercased().hasPrefix("thank")
    }

    /// "Submit your suggestions and votes for next week!"
    var isSubmissionCall: Bool {
        guard kind == .paragraph else { return false }
        let text = plainText.trimmingWhitespace.lowercased()
        return text.hasPrefix("submit") || text.hasPrefix("please submit") || text.hasPrefix("[please submit")
    }
}
