extension BlockParser {
    /// With ``MarkdownExtension/headingAttributes``, takes a closing `{#id}` off a heading's text and
    /// keeps the id on the node, so the heading shows its words only and links keep the address the
    /// writer chose.
    mutating func takeHeadingAttribute(from input: inout InlineInput, for node: NodeIndex) {
        guard headingAttributes, let attribute = input.withBytes(HeadingAttribute.init(closing:)) else { return }
        tree[node].extra = input.withBytes { tree.store($0[attribute.id]) }
        input.removeLast(from: attribute.start)
        input.trimTrailingWhitespace()
    }
}

/// A `{#id}` at the end of a heading's text, after a space or tab: `## Install {#setup}`.
///
/// Spaces are allowed inside the braces (`{ #setup }`, as Python-Markdown writes them). The id is
/// letters, digits, `-`, `_`, `:`, `.` or any non-ASCII character, so it needs no quoting in HTML and
/// a heading that merely ends in braces (`## Sets {#}`, `## Maps {a: 1}`) keeps them.
struct HeadingAttribute {
    /// Where the `{` is in the text.
    let start: Int
    /// Where the id is in the text.
    let id: Range<Int>

    init?(closing text: UnsafeBufferPointer<UInt8>) {
        var end = text.count
        guard end > 0, text[end - 1] == ASCII.closeBrace else { return nil }
        end -= 1
        while end > 0 && ASCII.isSpaceOrTab(text[end - 1]) { end -= 1 }
        var idStart = end
        while idStart > 0 && HeadingAttribute.isIDByte(text[idStart - 1]) { idStart -= 1 }
        guard idStart < end, idStart > 0, text[idStart - 1] == ASCII.hash else { return nil }
        var open = idStart - 1
        while open > 0 && ASCII.isSpaceOrTab(text[open - 1]) { open -= 1 }
        guard open > 1, text[open - 1] == ASCII.openBrace, ASCII.isSpaceOrTab(text[open - 2]) else { return nil }
        start = open - 1
        id = idStart..<end
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == ASCII.dash || byte == ASCII.underscore || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".") || byte >= 0x80
    }
}
