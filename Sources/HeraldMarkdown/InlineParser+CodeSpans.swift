/// Code spans (CommonMark 0.31.2 §6.1).
extension InlineParser {
    /// Reads the backtick run at `position`: a code span when a run of the same length follows,
    /// literal backticks otherwise.
    mutating func handleBackticks() {
        let start = position
        var end = start + 1
        while end < bytes.count, bytes[end] == ASCII.backtick { end += 1 }
        guard let closer = closingRun(length: end - start, after: end) else {
            appendPending(start..<end)
            position = end
            return
        }
        flushText()
        let closerEnd = closer + (end - start)
        let node = tree.makeNode(.code, range: sourceRange(start, closerEnd - 1))
        tree[node].literal = codeSpanContent(end..<closer)
        tree.append(node, to: parent)
        position = closerEnd
    }

    /// A code span's content, the input's `range` between its backtick runs: each line ending read
    /// as a space, and one space dropped from each end when both ends have one and the content is
    /// not all spaces. The input's own bytes unless a line ending is among them.
    private mutating func codeSpanContent(_ range: Range<Int>) -> TextSpan {
        var hasNonSpace = false
        var hasNewline = false
        for index in range {
            switch bytes[index] {
            case ASCII.newline: hasNewline = true
            case ASCII.space: break
            default: hasNonSpace = true
            }
        }
        func isSpace(_ index: Int) -> Bool { bytes[index] == ASCII.space || bytes[index] == ASCII.newline }
        var content = range
        if hasNonSpace, range.count >= 2, isSpace(range.lowerBound), isSpace(range.upperBound - 1) {
            content = range.lowerBound + 1..<range.upperBound - 1
        }
        guard hasNewline else { return inputSpan(content) }
        scratch.removeAll(keepingCapacity: true)
        for index in content { scratch.append(bytes[index] == ASCII.newline ? ASCII.space : bytes[index]) }
        return tree.store(scratch)
    }

    /// The start of the first backtick run of exactly `length` that starts at or after `offset`.
    ///
    /// The runs of the whole input are listed once, sorted by length then position, so each
    /// question is a binary search: `e` followed by runs of 1, 2, 3… backticks stays linear.
    private mutating func closingRun(length: Int, after offset: Int) -> Int? {
        if !backtickRunsScanned { scanBacktickRuns() }
        let wanted = UInt64(length) << 32 | UInt64(offset)
        var low = 0
        var high = backtickRuns.count
        while low < high {
            let middle = (low + high) / 2
            if backtickRuns[middle] < wanted { low = middle + 1 } else { high = middle }
        }
        guard low < backtickRuns.count, backtickRuns[low] >> 32 == UInt64(length) else { return nil }
        return Int(backtickRuns[low] & 0xFFFF_FFFF)
    }

    private mutating func scanBacktickRuns() {
        backtickRunsScanned = true
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == ASCII.backtick else {
                index += 1
                continue
            }
            let start = index
            while index < count, bytes[index] == ASCII.backtick { index += 1 }
            backtickRuns.append(UInt64(index - start) << 32 | UInt64(start))
        }
        backtickRuns.sort()
    }
}
