/// Writes a ``MarkdownDocument`` as HTML, byte for byte as the CommonMark reference renderer does
/// (raw HTML passes through; the tag filter extension neutralises the dangerous tags).
public struct HTMLRenderer: Sendable {
    public var options: HTMLRenderOptions

    public init(options: HTMLRenderOptions = HTMLRenderOptions()) {
        self.options = options
    }

    /// The HTML of a whole document.
    public func render(_ document: MarkdownDocument) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// The HTML of one node and its subtree (a section, a list item, a paragraph…).
    public func render(_ node: MarkdownNode) -> String {
        var writer = HTMLWriter(tree: node.tree, options: options)
        writer.write(node.index)
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// The HTML of a whole document as UTF-8 bytes, without building a `String`.
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        var writer = HTMLWriter(tree: document.tree, options: options)
        writer.output.reserveCapacity(document.tree.text.count + document.tree.text.count / 2 + 64)
        writer.write(0)
        return writer.output
    }
}
