import HeraldMarkdown

/// One file's lines as the `dialect-*` rules read them: Python-Markdown's differences show in
/// the raw text (indentation, brackets at a line's end), so these rules look at lines, and at
/// the parsed tree only to know what CommonMark made of them.
struct DialectSource {
    let file: CheckedFile
    /// File lines inside code blocks and HTML blocks, where no Markdown is read.
    let verbatimLines: Set<Int>

    init(file: CheckedFile) {
        self.file = file
        var lines: Set<Int> = []
        for node in file.document.root.descendants where node.kind == .codeBlock || node.kind == .htmlBlock {
            let first = file.fileLocation(node.range.start).line
            let last = file.fileLocation(node.range.end).line
            if first <= last { lines.formUnion(first...last) }
        }
        verbatimLines = lines
    }

    /// The body's file lines, first to last.
    var bodyLines: ClosedRange<Int> { (file.lineOffset + 1)...max(file.lineOffset + 1, file.lineCount) }

    /// The bytes of `line` without its line end.
    func byteRange(ofLine line: Int) -> Range<Int> {
        let start = file.lineStarts[line - 1]
        var end = line < file.lineStarts.count ? file.lineStarts[line] - 1 : file.bytes.count
        if end > start, file.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    func isBlank(_ line: Int) -> Bool {
        guard line >= 1, line <= file.lineCount else { return true }
        return file.bytes[byteRange(ofLine: line)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The spaces `line` starts with; `nil` when its indentation holds a tab, whose width the
    /// two dialects count differently.
    func indent(ofLine line: Int) -> Int? {
        var count = 0
        for byte in file.bytes[byteRange(ofLine: line)] {
            if byte == UInt8(ascii: " ") {
                count += 1
            } else {
                return byte == UInt8(ascii: "\t") ? nil : count
            }
        }
        return count
    }

    /// A list item's marker at the start of `line`: its indentation and the column (0-based,
    /// indentation included) where the item's text starts, which CommonMark measures sub-items from.
    func listMarker(onLine line: Int) -> (indent: Int, contentColumn: Int)? {
        guard let indent = indent(ofLine: line) else { return nil }
        let range = byteRange(ofLine: line)
        let bytes = file.bytes
        var offset = range.lowerBound + indent
        guard offset < range.upperBound else { return nil }
        if [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[offset]) {
            offset += 1
        } else {
            let digits = offset
            while offset < range.upperBound, offset - digits < 9, bytes[offset] >= 48, bytes[offset] <= 57 {
                offset += 1
            }
            guard offset > digits, offset < range.upperBound,
                bytes[offset] == UInt8(ascii: ".") || bytes[offset] == UInt8(ascii: ")")
            else { return nil }
            offset += 1
        }
        let markerEnd = offset
        while offset < range.upperBound, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
        guard offset > markerEnd, offset < range.upperBound else { return nil }
        let spaces = offset - markerEnd
        return (indent, markerEnd - range.lowerBound + (spaces > 4 ? 1 : spaces))
    }

    /// The first place `needle` (ASCII, any case) starts within `range`.
    func firstOffset(of needle: String, in range: Range<Int>) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        let bytes = file.bytes
        guard range.count >= pattern.count else { return nil }
        for start in range.lowerBound...(range.upperBound - pattern.count) {
            var matches = true
            for (index, byte) in pattern.enumerated() where lowercased(bytes[start + index]) != byte {
                matches = false
                break
            }
            if matches { return start }
        }
        return nil
    }

    /// How many list items hold `node`, itself included.
    static func itemDepth(of node: MarkdownNode) -> Int {
        var depth = 0
        var current: MarkdownNode? = node
        while let step = current {
            if step.kind == .item { depth += 1 }
            if step.kind == .blockQuote { return -1 }
            current = step.parent
        }
        return depth
    }

    /// The nearest list item holding `node`.
    static func enclosingItem(of node: MarkdownNode) -> MarkdownNode? {
        var current = node.parent
        while let step = current, step.kind != .item { current = step.parent }
        return current
    }
}

/// An ASCII letter in lower case; other bytes as they are.
private func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte + 32 : byte
}
