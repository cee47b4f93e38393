/// A block that can still take lines, with the parse state it needs while open.
///
/// Plain values only, so that reading or moving an entry of the parser's stack copies a few words;
/// the text of the open leaf (a block's lines or a paragraph's inline text) is held by the parser
/// itself, since only the innermost block can be a leaf (``BlockParser/leafLines``).
struct OpenBlock {
    enum Role {
        case document, blockQuote, list, item, footnoteDefinition
        case fencedCode, indentedCode, htmlBlock, paragraph, table
    }

    var node: NodeIndex
    var role: Role
    /// item: the indentation of the marker and the width from it to the content.
    var markerOffset = 0
    var padding = 0
    /// fencedCode: the fence character, its length and the fence's indentation.
    var fenceCharacter: UInt8 = 0
    var fenceLength = 0
    var fenceOffset = 0
    /// htmlBlock: the start condition (1–7) that decides how it ends.
    var htmlKind = 0
    /// table: the number of columns.
    var columnCount = 0
    /// The last source position that belongs to the block.
    var end = SourceLocation(line: 1, column: 1)

    init(node: NodeIndex, role: Role) {
        self.node = node
        self.role = role
    }

    /// Whether the block can hold a child block of `role`.
    func canContain(_ child: Role) -> Bool {
        switch role {
        case .document, .blockQuote, .item, .footnoteDefinition: child != .item
        case .list: child == .item
        default: false
        }
    }

    /// Whether new lines go into the block itself rather than into a child.
    var acceptsLines: Bool {
        switch role {
        case .paragraph, .fencedCode, .indentedCode, .htmlBlock, .table: true
        default: false
        }
    }
}
