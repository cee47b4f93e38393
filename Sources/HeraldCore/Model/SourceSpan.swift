public import HeraldMarkdown

/// Where an entry or section was written in its issue file: first line and column, last line.
///
/// Lines count from the top of the file (metadata included), so an editor can jump to them and
/// `herald new` can carry an entry's lines verbatim into the next draft.
public struct SourceSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line of the first character.
    public var line: Int
    /// 1-based column (UTF-8 bytes) of the first character.
    public var column: Int
    /// 1-based line of the last character; equal to ``line`` for a one-line entry.
    public var endLine: Int

    public init(line: Int, column: Int, endLine: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    /// The span of a parsed node whose document started `lineOffset` lines into the file.
    ///
    /// The span ends on the last line with content: that of the node's last descendant, so a
    /// block closed by a blank line (which cmark ends on that blank line) does not take it in.
    init(_ node: MarkdownNode, lineOffset: Int) {
        let end = node.lastDescendant.range.end
        let endLine = end.column < 1 ? end.line - 1 : end.line
        self.init(
            line: node.range.start.line + lineOffset,
            column: node.range.start.column,
            endLine: max(endLine, node.range.start.line) + lineOffset
        )
    }

    /// The first position, for diagnostics.
    public var start: SourceLocation { SourceLocation(line: line, column: column) }

    public var description: String { "\(line):\(column)" }
}
