package import HeraldMarkdown

/// A top-level Markdown block of a draft, with the file lines it covers: how the draft
/// editors see a draft's layout (where headings are, which blocks a gathering replaces).
package struct DraftBlock: Hashable, Sendable {
    package var kind: MarkdownNode.Kind
    /// First and last file line with content (a block's trailing blank line is not its own).
    package var start: Int
    package var end: Int
    package var headingLevel: Int?
    /// The text without markup; for an HTML block, its source.
    package var text: String
    package var hasLink: Bool
    /// An italic paragraph on its own, the way newsletters say "no items this week".
    package var isNote: Bool

    /// Whether this paragraph is a merged pull request count (`448 pull requests were merged…`).
    package var isMergedCount: Bool {
        let words = text.split(separator: " ")
        return words.count > 3 && words[0].allSatisfy { $0.isNumber || $0 == "," }
            && words[1].hasPrefix("pull") && text.contains("merged")
    }

    /// The top-level blocks of a draft's parsed body, in order, numbered by file line.
    package static func blocks(of document: MarkdownDocument, in file: IssueFile) -> [DraftBlock] {
        let offset = file.bodyStartLine - 1
        return document.root.children.map { node in
            let last = node.lastDescendant.range.end
            let end = last.column < 1 ? last.line - 1 : last.line
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
