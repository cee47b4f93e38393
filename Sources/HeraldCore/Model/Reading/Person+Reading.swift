import HeraldMarkdown

extension Person {
    /// The person a "Thanks to [name](url) for the suggestion" paragraph thanks: the first link
    /// after "Thank", or else the words between "Thanks to" and "for".
    init?(thanking paragraph: MarkdownNode) {
        let children = Array(paragraph.children)
        if let start = children.firstIndex(where: { $0.plainText.containsIgnoringCase("thank") }),
            let link = children[start...].lazy.compactMap({ $0.kind == .link ? $0 : $0.firstLink }).first
        {
            self.init(name: link.plainText.trimmingWhitespace, url: link.destination)
            return
        }
        let text = paragraph.plainText
        guard
            let thanks = ["Thanks to ", "thanks to ", "Thanks "].lazy.compactMap({ text.firstByteRange(of: $0) }).first
        else { return nil }
        let rest = text[thanks.upperBound...]
        let name = rest.firstByteRange(of: " for ").map { rest[..<$0.lowerBound] } ?? rest
        guard let name = name.trimmingLeadingSeparators.nonEmpty else { return nil }
        self.init(name: name)
    }
}

extension MarkdownNode {
    /// "Thanks to … for the suggestion", "Thank you, …".
    var isThanks: Bool {
        kind == .paragraph && plainText.hasPrefixIgnoringCase("thank")
    }

    /// "Submit your suggestions and votes for next week!"
    var isSubmissionCall: Bool {
        guard kind == .paragraph else { return false }
        let text = plainText
        return text.hasPrefixIgnoringCase("submit") || text.hasPrefixIgnoringCase("please submit")
            || text.hasPrefixIgnoringCase("[please submit")
    }
}
