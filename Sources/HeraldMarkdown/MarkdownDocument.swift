/// A parsed Markdown document: a tree of ``MarkdownNode``s rooted at a `document` node.
public struct MarkdownDocument: @unchecked Sendable {
    let tree: SyntaxTree

    init(tree: SyntaxTree) {
        self.tree = tree
    }

    /// Parses Markdown text.
    public init(parsing text: String, options: ParseOptions = .commonMark) {
        self.init(parsing: text[...], options: options)
    }

    /// Parses a part of a larger text (an issue file's body) without copying it out first.
    public init(parsing text: Substring, options: ParseOptions = .commonMark) {
        self.init(parsingText: text, options: options)
    }

    /// Parses Markdown bytes. Any byte sequence is accepted: invalid UTF-8 and NUL become U+FFFD.
    public init(parsing bytes: [UInt8], options: ParseOptions = .commonMark) {
        self.init(
            tree: SourceText.withCleanBytes(of: bytes) { clean, holder in
                let tree = MarkdownDocument.parse(clean, options: options)
                tree.keepSource(holder)
                return tree
            })
    }

    /// Parses Markdown bytes. Any byte sequence is accepted: invalid UTF-8 and NUL become U+FFFD.
    public init<Bytes: Collection>(parsing bytes: Bytes, options: ParseOptions = .commonMark)
    where Bytes.Element == UInt8 {
        self.init(parsing: Array(bytes), options: options)
    }

    /// Parses `text` with its inlines in runs as `splitting` allows (see ``ParseSplitting``): the
    /// same document the other initialisers make, sooner when it is long.
    package init(parsing text: Substring, options: ParseOptions, splitting: ParseSplitting) {
        self.init(parsingText: text, options: options, splitting: splitting)
    }

    /// Parses a string's text in place: it is valid UTF-8, so its own storage is read unless it
    /// holds a NUL.
    private init(parsingText text: Substring, options: ParseOptions, splitting: ParseSplitting? = nil) {
        var text = text
        let (tree, repaired) = text.withUTF8 { storage in
            SourceText.withCleanBytes(ofValidUTF8: storage) { clean, repaired in
                (MarkdownDocument.parse(clean, options: options, splitting: splitting), repaired)
            }
        }
        if let repaired { tree.keepSource(repaired) } else { tree.keepSource(text) }
        self.init(tree: tree)
    }

    /// The tree of `bytes`, clean UTF-8, which stay where they are until it is made.
    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions, splitting: ParseSplitting? = nil
    ) -> SyntaxTree {
        let tree = SyntaxTree(extensions: options.extensions, sourceSize: bytes.count)
        tree.lendSource(bytes)
        var parser = BlockParser(tree: tree, bytes: bytes)
        parser.parseDocument(splitting: splitting)
        return tree
    }

    /// The `document` node.
    public var root: MarkdownNode { MarkdownNode(tree: tree, index: 0) }

    /// The same document through a storage object of its own, for one thread of a parallel walk
    /// (see ``SyntaxTree/init(sharingStorageOf:)``): nodes reached from it are equal to the
    /// original's, and walking them never touches the reference count the other threads use.
    package func threadView() -> MarkdownDocument {
        MarkdownDocument(tree: SyntaxTree(sharingStorageOf: tree))
    }

    /// `node`, a node of this document reached through any of its views, reached through this one.
    package func node(_ node: MarkdownNode) -> MarkdownNode {
        precondition(node.tree.identity == tree.identity, "the node belongs to another document")
        return MarkdownNode(tree: tree, index: node.index)
    }

    /// The extensions this document was parsed with.
    public var extensions: Set<MarkdownExtension> { tree.extensions }
}
