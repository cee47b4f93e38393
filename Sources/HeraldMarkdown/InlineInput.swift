/// The text of one leaf block (paragraph, heading, table cell), handed from the block phase to the
/// inline phase.
///
/// `bytes` holds the block's lines joined by `\n` with no final newline; for a paragraph the leading
/// whitespace of each line and the trailing whitespace of the last are already gone. `lines` maps
/// the bytes back to the source: one entry per line, in order.
struct InlineInput {
    var bytes: [UInt8] = []
    var lines: [LineOrigin] = []

    /// Appends one line whose first byte sits at `location` in the source.
    mutating func appendLine<C: Collection>(_ line: C, at location: SourceLocation) where C.Element == UInt8 {
        if !lines.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        lines.append(LineOrigin(offset: Int32(bytes.count), line: Int32(location.line), column: Int32(location.column)))
        bytes.append(contentsOf: line)
    }

    /// The source location of `bytes[offset]` (or of the end, for `offset == bytes.count`).
    func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lines[middle].offset) <= offset { low = middle } else { high = middle - 1 }
        }
        guard lines.indices.contains(low) else { return SourceLocation(line: 1, column: 1) }
        let origin = lines[low]
        return SourceLocation(line: Int(origin.line), column: Int(origin.column) + offset - Int(origin.offset))
    }
}

/// Where one line of an ``InlineInput`` starts in the source.
struct LineOrigin {
    /// Offset of the line's first byte in ``InlineInput/bytes``.
    var offset: Int32
    var line: Int32
    var column: Int32
}

extension InlineInput {
    /// Drops the first `count` bytes, which end at a line boundary (after reference definitions).
    mutating func removeFirst(_ count: Int) {
        guard count > 0 else { return }
        if count >= bytes.count {
            bytes.removeAll()
            lines.removeAll()
            return
        }
        bytes.removeFirst(count)
        var kept: [LineOrigin] = []
        for (index, var origin) in lines.enumerated() {
            let nextStart = index + 1 < lines.count ? Int(lines[index + 1].offset) : Int.max
            if nextStart <= count { continue }
            let shifted = Int(origin.offset) - count
            if shifted < 0 {
                origin.column += Int32(-shifted)
                origin.offset = 0
            } else {
                origin.offset = Int32(shifted)
            }
            kept.append(origin)
        }
        lines = kept
    }

    /// Drops spaces and tabs at the end of the text.
    mutating func trimTrailingWhitespace() {
        while let last = bytes.last, ASCII.isSpaceOrTab(last) { bytes.removeLast() }
    }
}
