extension MarkdownNode {
    /// What a node is. Payloads (levels, destinations, literals) are properties of ``MarkdownNode``.
    public enum Kind: UInt8, Hashable, Sendable, CaseIterable {
        // Blocks
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell, footnoteDefinition
        // Inlines
        case text, softBreak, lineBreak, code, html, emphasis, strong, strikethrough, link, image
        case footnoteReference

        /// Whether the node is a block (as opposed to an inline).
        public var isBlock: Bool { rawValue <= Kind.footnoteDefinition.rawValue }
    }
}

/// How a table column is aligned, from its delimiter row (`:--`, `:-:`, `--:`).
public enum TableAlignment: UInt8, Hashable, Sendable {
    case none, left, center, right
}

/// The marker style of a list.
public enum ListStyle: Hashable, Sendable {
    /// `-`, `+` or `*`.
    case bullet(UInt8)
    /// A number followed by `.` or `)`.
    case ordered(start: Int, delimiter: UInt8)
}
