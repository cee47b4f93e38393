/// A node of a parsed Markdown document: a block (paragraph, list, heading…) or an inline (text,
/// emphasis, link…), with its source range.
///
/// A node is a light view into its document's storage: copying one is cheap, and it keeps the
/// document alive.
public struct MarkdownNode: Hashable, @unchecked Sendable {
    let tree: SyntaxTree
    let index: NodeIndex

    init(tree: SyntaxTree, index: NodeIndex) {
        self.tree = tree
        self.index = index
    }

    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        lhs.index == rhs.index && (lhs.tree === rhs.tree || lhs.tree.identity == rhs.tree.identity)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tree.identity)
        hasher.combine(index)
    }

    private var record: NodeRecord { tree[index] }

    private func node(at index: NodeIndex) -> MarkdownNode? {
        index == SyntaxTree.none ? nil : MarkdownNode(tree: tree, index: index)
    }

    public var kind: Kind { record.kind }

    /// Where the node was parsed from.
    public var range: SourceRange { tree[range: index] }

    public var parent: MarkdownNode? { node(at: record.parent) }
    public var firstChild: MarkdownNode? { node(at: record.firstChild) }
    public var lastChild: MarkdownNode? { node(at: record.lastChild) }
    public var nextSibling: MarkdownNode? { node(at: record.next) }
    public var previousSibling: MarkdownNode? { node(at: record.previous) }

    /// The last node of this subtree in document order: the last child's last child and so on,
    /// or the node itself. Walked on the tree's records, without a node value for each step.
    package var lastDescendant: MarkdownNode {
        var index = self.index
        while tree[index].lastChild != SyntaxTree.none { index = tree[index].lastChild }
        return MarkdownNode(tree: tree, index: index)
    }

    /// The direct children, in order.
    public var children: Children { Children(tree: tree, first: record.firstChild) }

    /// How many direct children the node has, counted on the tree's records.
    public var childCount: Int {
        var count = 0
        var index = record.firstChild
        while index != SyntaxTree.none {
            count += 1
            index = tree[index].next
        }
        return count
    }

    /// The text of a `text`, `code`, `html`, `htmlBlock` or `codeBlock` node; empty for the others.
    public var literal: String {
        switch kind {
        case .text, .code, .html, .htmlBlock, .codeBlock: tree.string(of: record.literal)
        default: ""
        }
    }

    /// Whether ``literal`` holds `byte`, asked of the stored bytes without making the string:
    /// `herald check` asks it of every text node for a stray backtick.
    public func literalContains(_ byte: UInt8) -> Bool {
        tree.withBytes(of: literalSpan) { $0.contains(byte) }
    }

    /// Whether ``literal`` is empty or all whitespace (`Character.isWhitespace`), asked of the
    /// stored bytes and making the string only when one is not ASCII: the model reader asks it of
    /// every text node beside an entry's emphasis.
    package var literalIsWhitespace: Bool {
        tree.withBytes(of: literalSpan) { bytes in
            var isASCII = true
            for byte in bytes {
                if byte >= 0x80 {
                    isASCII = false
                } else if !ASCII.isWhitespace(byte) {
                    // An ASCII byte other than whitespace starts a character of its own (or follows a
                    // prepended mark, which is no whitespace either).
                    return false
                }
            }
            return isASCII || String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
    }

    /// Where ``literal``'s bytes are; empty for the kinds without one.
    private var literalSpan: TextSpan {
        switch kind {
        case .text, .code, .html, .htmlBlock, .codeBlock: record.literal
        default: .empty
        }
    }

    /// The heading level (1–6), or `nil` when this is not a heading.
    public var headingLevel: Int? { kind == .heading ? Int(record.number) : nil }

    /// The id a heading's closing `{#id}` gave it (with ``MarkdownExtension/headingAttributes``);
    /// `nil` for a heading without one and for other kinds.
    public var headingID: String? {
        kind == .heading && record.extra.count > 0 ? tree.string(of: record.extra) : nil
    }

    /// The destination of a link or image (after entity and escape processing), or `nil`.
    public var destination: String? {
        kind == .link || kind == .image ? tree.string(of: record.literal) : nil
    }

    /// The title of a link or image; empty when it has none, `nil` for other kinds.
    public var title: String? {
        kind == .link || kind == .image ? tree.string(of: record.extra) : nil
    }

    /// The info string of a fenced code block (`rust` in ` ```rust `), or `nil`.
    public var info: String? { kind == .codeBlock ? tree.string(of: record.extra) : nil }

    /// Whether a code block is fenced rather than indented.
    public var isFenced: Bool { kind == .codeBlock && record.flags & NodeFlag.fenced != 0 }

    /// The marker style of a list, or `nil`.
    public var listStyle: ListStyle? {
        guard kind == .list else { return nil }
        if record.flags & NodeFlag.ordered != 0 {
            return .ordered(start: Int(record.number), delimiter: UInt8(truncatingIfNeeded: record.marker))
        }
        return .bullet(UInt8(truncatingIfNeeded: record.marker))
    }

    /// Whether a list is tight (its items are not separated by blank lines).
    public var isTight: Bool { kind == .list && record.flags & NodeFlag.tight != 0 }

    /// For a task list item, whether it is checked; `nil` for anything else.
    public var taskIsChecked: Bool? {
        guard kind == .item, record.flags & NodeFlag.task != 0 else { return nil }
        return record.flags & NodeFlag.checked != 0
    }

    /// The alignment of a table cell, or `nil`.
    public var alignment: TableAlignment? {
        kind == .tableCell ? TableAlignment(rawValue: UInt8(truncatingIfNeeded: record.number)) : nil
    }

    /// Whether a table row is the header row.
    public var isHeaderRow: Bool { kind == .tableRow && record.flags & NodeFlag.header != 0 }

    /// The label of a footnote reference or definition, as written; `nil` for other kinds.
    public var footnoteLabel: String? {
        kind == .footnoteReference || kind == .footnoteDefinition ? tree.string(of: record.literal) : nil
    }

    /// The number a footnote reference or definition is shown with (in order of first reference).
    public var footnoteNumber: Int? {
        kind == .footnoteReference || kind == .footnoteDefinition ? Int(record.number) : nil
    }

    /// The concatenated text of every `text` and `code` descendant: a heading's or link's words
    /// without their markup.
    public var plainText: String {
        // A text node, and a node whose one child is text (most links and headings), are that
        // text: made straight from the stored bytes, without a buffer to collect them in.
        let record = self.record
        let single = record.firstChild != SyntaxTree.none && record.firstChild == record.lastChild
        switch single ? tree[record.firstChild].kind : record.kind {
        case .text, .code: return tree.string(of: single ? tree[record.firstChild].literal : record.literal)
        default: break
        }
        // Measured first and written straight into the string's storage: gathered in an array
        // that grew as it went, a paragraph's text cost three allocations.
        let tree = self.tree
        let index = self.index
        return String(unsafeUninitializedCapacity: tree.plainTextLength(of: index)) { output in
            tree.withSpanBytes { spans in
                var written = 0
                tree.writePlainText(of: index, from: spans, into: output, at: &written)
                return written
            }
        }
    }

    /// Appends ``plainText``'s bytes to `bytes`: how a reader joins the text of several nodes
    /// without a string for each.
    package func appendPlainText(to bytes: inout [UInt8]) {
        tree.appendPlainText(of: index, to: &bytes)
    }

    /// Every node of this subtree in document order, this node first.
    public var descendants: Descendants { Descendants(tree: tree, root: index) }

    /// Entering and leaving events for this subtree, the way a renderer walks it.
    public func walk() -> Walk { Walk(tree: tree, root: index) }
}

extension SyntaxTree {
    /// How many bytes the plain text of the node at `index` has: its text and code literals, a
    /// space for each line break.
    func plainTextLength(of index: NodeIndex) -> Int {
        switch self[index].kind {
        case .text, .code: return Int(self[index].literal.count)
        case .softBreak, .lineBreak: return 1
        default:
            var length = 0
            var child = self[index].firstChild
            while child != SyntaxTree.none {
                length += plainTextLength(of: child)
                child = self[child].next
            }
            return length
        }
    }

    /// Appends the plain text of the node at `index` to `bytes`, which grows once.
    func appendPlainText(of index: NodeIndex, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: plainTextLength(of: index)))
        bytes.withUnsafeMutableBufferPointer { output in
            withSpanBytes { spans in
                var offset = start
                writePlainText(of: index, from: spans, into: output, at: &offset)
            }
        }
    }

    /// Writes the plain text of the node at `index` from `spans` (this tree's bytes) into
    /// `output` at `offset`, which it advances; `output` has room for ``plainTextLength(of:)``.
    func writePlainText(
        of index: NodeIndex, from spans: SpanBytes, into output: UnsafeMutableBufferPointer<UInt8>,
        at offset: inout Int
    ) {
        switch self[index].kind {
        case .text, .code:
            let literal = spans[self[index].literal]
            guard !literal.isEmpty else { return }
            output.baseAddress.unsafelyUnwrapped.advanced(by: offset)
                .update(from: literal.baseAddress.unsafelyUnwrapped, count: literal.count)
            offset += literal.count
        case .softBreak, .lineBreak:
            output[offset] = UInt8(ascii: " ")
            offset += 1
        default:
            var child = self[index].firstChild
            while child != SyntaxTree.none {
                writePlainText(of: child, from: spans, into: output, at: &offset)
                child = self[child].next
            }
        }
    }
}
