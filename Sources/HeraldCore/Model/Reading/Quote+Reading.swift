import HeraldMarkdown

extension Quote {
    /// Reads the quotation (a block quote, a code block of chat lines, or an older
    /// `*"emphasised quotation"*` paragraph), its attribution (the rest of that paragraph or the
    /// next one) and the "Thanks to … for the suggestion" line. `nil` when no quote was selected.
    init?(blocks: [MarkdownNode], context: ReadingContext) {
        guard
            let index = blocks.firstIndex(where: {
                $0.kind == .blockQuote || $0.kind == .codeBlock || $0.quotation != nil
            })
        else { return nil }
        let quoted = blocks[index]
        var text: String
        var attribution: (text: String, url: String?)?
        switch quoted.kind {
        case .blockQuote:
            text = quoted.children.map { $0.plainText.trimmingWhitespace }.filter { !$0.isEmpty }.joined(
                separator: "\n\n")
        case .codeBlock:
            text = quoted.literal.trimmingWhitespace
        default:
            guard let quotation = quoted.quotation else { return nil }
            text = quotation.plainText.trimmingWhitespace
            let rest = quoted.children.drop { $0 != quotation }.dropFirst()
            if let said = rest.map(\.plainText).joined().trimmingLeadingSeparators.nonEmpty {
                attribution = (said, rest.lazy.compactMap { $0.kind == .link ? $0 : $0.firstLink }.first?.destination)
            }
        }
        if attribution == nil,
            let next = blocks[(index + 1)...].first(where: { block in
                block.kind == .paragraph && !block.isThanks && !block.isSubmissionCall && !block.isRemark
            })
        {
            attribution = next.plainText.trimmingLeadingSeparators.nonEmpty.map { ($0, next.firstLink?.destination) }
        }
        let suggestion = blocks[(index + 1)...].first(where: \.isThanks).flatMap(Person.init(thanking:))
        self.init(
            text: text, author: attribution?.text, sourceURL: attribution?.url, suggestedBy: suggestion,
            source: context.span(of: quoted))
    }
}

extension MarkdownNode {
    /// The emphasis a paragraph opens with when it is a quotation (`*"…"*`), as older issues
    /// wrote their quote of the week.
    var quotation: MarkdownNode? {
        guard kind == .paragraph,
            let first = children.first(where: { !($0.kind == .text && $0.literal.trimmingWhitespace.isEmpty) }),
            first.kind == .emphasis, let opening = first.plainText.first
        else { return nil }
        return "\"“'‘".contains(opening) ? first : nil
    }
}
