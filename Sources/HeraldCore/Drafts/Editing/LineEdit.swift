/// Line edits to a file's text, applied together so that every byte outside them stays as it was.
///
/// Drafts are edited by hand and by pull requests; a tool that re-writes the whole file (line
/// ends, trailing spaces, a missing final newline) makes noisy diffs and merge conflicts. Edits
/// name lines of the original text, so several can be planned from one reading of the file.
public struct LineEdit: Hashable, Sendable {
    private var insertions: [Int: [String]] = [:]
    private var removals: Set<Int> = []
    private var replacements: [Int: String] = [:]

    public init() {}

    /// Whether the edit changes nothing.
    public var isEmpty: Bool { insertions.isEmpty && removals.isEmpty && replacements.isEmpty }

    /// Adds `lines` after original line `line` (0 puts them before the first line); several
    /// insertions after one line keep the order they were made in.
    public mutating func insert(_ lines: [String], after line: Int) {
        insertions[line, default: []] += lines
    }

    /// Removes original lines `range` (1-based, inclusive).
    public mutating func remove(_ range: ClosedRange<Int>) {
        removals.formUnion(range)
    }

    /// Replaces original line `line`'s content, keeping its line end.
    public mutating func replace(line: Int, with text: String) {
        replacements[line] = text
    }

    /// The edited text and, for each of its lines, the original line it came from (`nil` for an
    /// inserted line), so that problems found in the result can point into the original.
    public func applied(to text: String) -> (text: String, originalLines: [Int?]) {
        let lines = IssueFile.linesWithEnds(of: text)
        let ending = text.contains("\r\n") ? "\r\n" : "\n"
        var output = ""
        var origins: [Int?] = []
        func emitInsertions(after line: Int, previousHasEnd: inout Bool) {
            for inserted in insertions[line] ?? [] {
                if !previousHasEnd { output += ending }
                output += inserted
                origins.append(nil)
                previousHasEnd = false
            }
        }
        var hasEnd = true
        emitInsertions(after: 0, previousHasEnd: &hasEnd)
        if !hasEnd, !lines.isEmpty {
            output += ending
            hasEnd = true
        }
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if !removals.contains(number) {
                output += replacements[number] ?? String(line.content)
                output += line.end
                origins.append(number)
                hasEnd = !line.end.isEmpty
            }
            let hadInsertions = insertions[number] != nil
            emitInsertions(after: number, previousHasEnd: &hasEnd)
            if hadInsertions, !hasEnd, number < lines.count {
                output += ending
                hasEnd = true
            }
        }
        return (output, origins)
    }
}
