import HeraldMarkdown

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
    init(_ range: SourceRange, lineOffset: Int) {
        self.init(
            line: range.start.line + lineOffset,
            column: range.start.column,
            endLine: max(range.end.line, range.start.line) + lineOffset
        )
    }

    /// The first position, for diagnostics.
    public var start: SourceLocation { SourceLocation(line: line, column: column) }

    public var description: String { "\(line):\(column)" }
}
