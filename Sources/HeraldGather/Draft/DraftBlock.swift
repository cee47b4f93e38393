import HeraldCore
import HeraldMarkdown

/// A top-level Markdown block of a draft, with the file lines it covers: what the section
/// editor decides to keep or replace.
struct DraftBlock: Hashable, Sendable {
    var kind: MarkdownNode.Kind
    /// First and last file line with content (a block's trailing blank line is not its own).
    var start: Int
    var end: Int
    var headingLevel: Int?
    /// The text without markup; for an HTML block, its source.
    var text: String
    var hasLink: Bool
    /// An italic paragraph on its own, the way newsletters say "no items this week".
    var isNote: Bool

    /// Whether this paragraph is a merged pull request count (`448 pull requests were merged…`).
    var isMergedCount: Bool {
        let words = text.split(separator: " ")
        return words.count > 3 && words[0].allSatisfy { $0.isNumber || $0 == "," }
            && words[1].hasPrefix("pull") && text.contains("merged")
    }

    /// The top-level blocks of a draft's parsed body, in order; `offset` is the number of header
    /// lines before the body.
    static func blocks(of document: MarkdownDocument, lineOffset offset: Int) -> [DraftBlock] {
        return document.root.children.map { node in
            var last = node
            while let child = last.lastChild { last = child }
            let end = last.range.end.column < 1 ? last.range.end.line - 1 : last.range.end.line
            let children = Array(node.children)
            let isNote =
                node.kind == .paragraph && !children.isEmpty
                && children.allSatisfy { [.emphasis, .softBreak, .lineBreak].contains($0.kind) }
            return DraftBlock(
                kind: node.kind, start: node.range.start.line + offset,
                end: max(end, node.range.start.line) + offset, headingLevel: node.headingLevel,
                text: node.kind == .htmlBlock ? node.literal : node.plainText,
                hasLink: node.descendants.contains { $0.kind == .link }, isNote: isNote)
        }
    }
}
