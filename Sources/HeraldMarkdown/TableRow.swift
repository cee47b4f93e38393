/// Splitting a GFM table line into cells.
enum TableRow {
    /// One cell: its text (with `\|` already turned into `|`), the offset of its first byte in the line,
    /// and the offsets between its pipes (the cell's extent in the source).
    struct Cell {
        var text: [UInt8]
        var offset: Int
        var extent: Range<Int>
    }

    /// The cells of `line`; an optional leading and trailing pipe are not cells.
    static func cells(in line: UnsafeBufferPointer<UInt8>) -> [Cell] {
        var cells: [Cell] = []
        let end = line.endIndex
        var index = line.startIndex
        while index < end && ASCII.isSpaceOrTab(line[index]) { index += 1 }
        if index < end && line[index] == ASCII.pipe { index += 1 }
        while index < end {
            let extentStart = index
            var start = index
            while index < end && line[index] != ASCII.pipe {
                index += line[index] == ASCII.backslash && index + 1 < end ? 2 : 1
            }
            index = min(index, end)
            var cellEnd = index
            while start < cellEnd && ASCII.isSpaceOrTab(line[start]) { start += 1 }
            while cellEnd > start && ASCII.isSpaceOrTab(line[cellEnd - 1]) { cellEnd -= 1 }
            cells.append(
                Cell(
                    text: unescapingPipes(line[start..<cellEnd]), offset: start - line.startIndex,
                    extent: (extentStart - line.startIndex)..<(index - line.startIndex)))
            guard index < end else { break }
            index += 1
            var rest = index
            while rest < end && ASCII.isSpaceOrTab(line[rest]) { rest += 1 }
            if rest == end { break }
        }
        return cells
    }

    /// The column alignments of a delimiter row (`| :-- | :-: | --: |`), or `nil` if `line` is not one.
    static func alignments(ofDelimiterRow line: UnsafeBufferPointer<UInt8>) -> [TableAlignment]? {
        // A delimiter row holds pipes, colons, dashes and blanks only: a paragraph's line with a
        // dash and anything else (most of those asked about) is turned down before its cells are
        // split out, each a copy.
        guard line.contains(ASCII.dash),
            line.allSatisfy({
                $0 == ASCII.pipe || $0 == ASCII.colon || $0 == ASCII.dash || $0 == 0x0B || $0 == 0x0C
                    || ASCII.isSpaceOrTab($0)
            })
        else { return nil }
        let cells = cells(in: line)
        guard !cells.isEmpty else { return nil }
        var alignments: [TableAlignment] = []
        alignments.reserveCapacity(cells.count)
        for cell in cells {
            // The delimiter row also allows vertical tabs and form feeds around a cell.
            var text = cell.text[...]
            while let last = text.last, last == 0x0B || last == 0x0C || ASCII.isSpaceOrTab(last) { text.removeLast() }
            while let first = text.first, first == 0x0B || first == 0x0C || ASCII.isSpaceOrTab(first) {
                text.removeFirst()
            }
            guard !text.isEmpty else { return nil }
            let left = text.first == ASCII.colon
            let right = text.count > 1 && text.last == ASCII.colon
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == ASCII.dash }) else { return nil }
            switch (left, right) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        return alignments
    }

    private static func unescapingPipes(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        guard text.contains(ASCII.backslash) else { return Array(text) }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ASCII.backslash && index + 1 < text.endIndex && text[index + 1] == ASCII.pipe {
                result.append(ASCII.pipe)
                index += 2
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
