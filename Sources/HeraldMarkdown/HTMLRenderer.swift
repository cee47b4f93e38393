/// Writes a ``MarkdownDocument`` as HTML, byte for byte as the CommonMark reference renderer does
/// (raw HTML passes through; the tag filter extension neutralises the dangerous tags).
public struct HTMLRenderer: Sendable {
    public var options: HTMLRenderOptions

    public init(options: HTMLRenderOptions = HTMLRenderOptions()) {
        self.options = options
    }

    /// The HTML of a whole document.
    public func render(_ document: MarkdownDocument) -> String {
        renderedHTML(of: document).withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML of one node and its subtree (a section, a list item, a paragraph…).
    public func render(_ node: MarkdownNode) -> String {
        var writer = HTMLWriter(tree: node.tree, options: options)
        writer.write(node.index)
        return writer.output.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML of a whole document as UTF-8 bytes, without building a `String`.
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        renderedHTML(of: document).withBytes { Array($0) }
    }

    /// The HTML of a whole document in the writer's own buffer, for a caller that edits it in
    /// place and copies it once into its final form (the site's page bodies).
    package func renderedHTML(of document: MarkdownDocument) -> RenderedHTML {
        var writer = HTMLWriter(tree: document.tree, options: options)
        writer.output.reserveCapacity(document.tree.textByteCount + document.tree.textByteCount / 2 + 64)
        writer.write(0)
        return RenderedHTML(writer.output)
    }

    /// Renders Markdown bytes to HTML in pieces of about `pieceSize` bytes, handed to `write` in
    /// order; together they are `renderBytes(MarkdownDocument(parsing: bytes, options: parseOptions))`.
    ///
    /// For a large input whose tree nobody needs (`herald markdown`): each top-level block is written
    /// as soon as its inlines are parsed and then forgotten, so neither the whole inline tree nor the
    /// whole HTML is ever held (``BlockParser/parseInlines(visitingTopLevelBlocks:)``).
    public func streamHTML(
        parsing bytes: [UInt8], options parseOptions: ParseOptions, pieceSize: Int = 1 << 16,
        to write: ([UInt8]) throws -> Void
    ) rethrows {
        try SourceText.withCleanBytes(of: bytes) { bytes, _ in
            try streamHTML(parsing: bytes, options: parseOptions, pieceSize: pieceSize, to: write)
        }
    }

    /// ``streamHTML(parsing:options:pieceSize:to:)`` of clean UTF-8 bytes, which stay where they
    /// are until it returns.
    private func streamHTML(
        parsing bytes: UnsafeBufferPointer<UInt8>, options parseOptions: ParseOptions, pieceSize: Int,
        to write: ([UInt8]) throws -> Void
    ) rethrows {
        let tree = SyntaxTree(extensions: parseOptions.extensions, sourceSize: bytes.count)
        tree.lendSource(bytes)
        var parser = BlockParser(tree: tree, bytes: bytes)
        parser.parseBlocks()
        // Made once the blocks are read: it reserves the ids that headings' `{#id}` chose.
        var writer = HTMLWriter(tree: tree, options: options)
        writer.output.reserveCapacity(pieceSize + pieceSize / 2)
        let footnotes = try parser.parseInlines { block in
            writer.write(block)
            if writer.output.count >= pieceSize { try writer.takeOutput(write) }
        }
        for definition in footnotes { writer.write(definition) }
        writer.closeFootnotes()
        try writer.takeOutput(write)
    }
}
