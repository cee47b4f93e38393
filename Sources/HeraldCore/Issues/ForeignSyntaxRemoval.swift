package import HeraldMarkdown

/// An issue body with its ``ForeignConstruct``s left out, and the way back from a position in what
/// is left to the same byte in the body as written, so a check names (and `--fix` edits) the place
/// the editor sees.
///
/// A construct's line ends stay, so every line keeps its number; on a line that lost bytes, later
/// columns move left, and ``writtenLocation(of:)`` moves them back. The spaces after a construct
/// go too when it started its line or followed a space: kept, they could indent what follows into
/// a code block, or leave two spaces where the writer had one.
package struct ForeignSyntaxRemoval: Sendable {
    /// The constructs left out, in order; one that overlaps an earlier one is only left out where
    /// the earlier one is not.
    package let constructs: [ForeignConstruct]
    /// The body without them.
    package let text: String
    /// For each line that lost bytes, the columns (in ``text``) where written bytes resume, with how
    /// many bytes of the line were removed before each, in column order.
    private let resumptions: [Int: [(column: Int, removed: Int)]]

    package init(removing constructs: [ForeignConstruct], from written: Substring) {
        let bytes = Array(written.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var resumptions: [Int: [(column: Int, removed: Int)]] = [:]
        var line = 1
        var writtenColumn = 1
        var keptColumn = 1
        var index = 0
        var pending = constructs.makeIterator()
        var next = pending.next()
        while index < bytes.count {
            if let construct = next, construct.range.upperBound <= index {
                next = pending.next()
                continue
            }
            if let construct = next, index >= construct.range.lowerBound {
                let before = output.last ?? UInt8(ascii: "\n")
                for byte in bytes[index..<construct.range.upperBound] {
                    if byte == UInt8(ascii: "\n") {
                        output.append(byte)
                        (line, writtenColumn, keptColumn) = (line + 1, 1, 1)
                    } else {
                        writtenColumn += 1
                    }
                }
                index = max(index, construct.range.upperBound)
                if before == UInt8(ascii: "\n") || Self.isSpaceOrTab(before) {
                    while index < bytes.count && Self.isSpaceOrTab(bytes[index]) {
                        index += 1
                        writtenColumn += 1
                    }
                }
                if writtenColumn != keptColumn {
                    resumptions[line, default: []].append((keptColumn, writtenColumn - keptColumn))
                }
                next = pending.next()
                continue
            }
            let byte = bytes[index]
            output.append(byte)
            if byte == UInt8(ascii: "\n") {
                (line, writtenColumn, keptColumn) = (line + 1, 1, 1)
            } else {
                writtenColumn += 1
                keptColumn += 1
            }
            index += 1
        }
        self.constructs = constructs
        self.text = String(decoding: output, as: UTF8.self)
        self.resumptions = resumptions
    }

    /// Where the byte at `location` in ``text`` is in the body as written.
    package func writtenLocation(of location: SourceLocation) -> SourceLocation {
        guard let points = resumptions[location.line] else { return location }
        let removed = points.last { $0.column <= location.column }?.removed ?? 0
        return SourceLocation(line: location.line, column: location.column + removed)
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
