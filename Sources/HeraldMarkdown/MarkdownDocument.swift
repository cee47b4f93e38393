/// A parsed Markdown document: a tree of ``MarkdownNode``s rooted at a `document` node.
public struct MarkdownDocument: @unchecked Sendable {
    let tree: SyntaxTree

    init(tree: SyntaxTree) {
        self.tree = tree
    }

    /// Parses Markdown text.
    public init(parsing text: String, options: ParseOptions = .commonMark) {
        var text = text
        self = text.withUTF8 { MarkdownDocument(parsing: $0, options: options) }
    }

    /// Parses Markdown bytes. Any byte sequence is accepted: invalid UTF-8 and NUL become U+FFFD.
    public init<Bytes: Collection>(parsing bytes: Bytes, options: ParseOptions = .commonMark)
    where Bytes.Element == UInt8 {
        let tree = SyntaxTree(extensions: options.extensions)
        var parser = BlockParser(tree: tree, source: SourceText(bytes))
        parser.parseDocument()
        self.init(tree: tree)
    }

    /// The `document` node.
    public var root: MarkdownNode { MarkdownNode(tree: tree, index: 0) }

    /// The extensions this document was parsed with.
    public var extensions: Set<MarkdownExtension> { tree.extensions }
}
