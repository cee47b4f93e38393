import HeraldMarkdown

extension SourceLocation {
    /// The line and column (both 1-based, the column in bytes) of byte `offset` in a text whose
    /// lines start at `lineStarts` (ascending, the first 0): a binary search, for the steps that
    /// map many byte offsets of one file back to positions.
    package init(offset: Int, lineStarts: [Int]) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        self.init(line: low + 1, column: offset - lineStarts[low] + 1)
    }
}
