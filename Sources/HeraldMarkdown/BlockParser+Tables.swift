extension BlockParser {
    /// Starts a table when the current line is a delimiter row and the paragraph's last line a header
    /// row with as many cells; the paragraph's earlier lines stay a paragraph.
    mutating func openTable(from container: Int) -> Bool {
        guard let alignments = TableRow.alignments(ofDelimiterRow: restOfLine) else {
            return false
        }
        guard let headerLine = leafInlines.lines.last else { return false }
        let header = leafInlines.withBytes { paragraph in
            TableRow.cells(in: UnsafeBufferPointer(rebasing: paragraph[Int(headerLine.offset)...]))
        }
        guard header.count == alignments.count else { return false }

        let paragraphNode = stack[container].node
        let paragraphByteCount = leafInlines.count
        var remaining = takeLeafInlines()
        remaining.lines.removeLast()
        remaining.removeLast(from: max(Int(headerLine.offset) - 1, 0))
        let table = makeNode(.table, line: Int(headerLine.line), column: Int(headerLine.column))
        tree[table].number = Int32(tree.tableAlignments.count)
        tree.tableAlignments.append(alignments)
        tree.insert(table, after: paragraphNode)
        if remaining.lines.isEmpty {
            tree.unlink(paragraphNode)
            stack.removeLast(stack.count - container)
        } else {
            leafInlines = remaining
            stack[container].end = SourceLocation(line: Int(headerLine.line) - 1, column: 1)
            closeBlocks(deeperThan: container - 1)
        }
        var block = OpenBlock(node: table, role: .table)
        block.columnCount = alignments.count
        block.end = lineEndLocation
        stack.append(block)
        let headerEnd = Int(headerLine.column) + paragraphByteCount - Int(headerLine.offset) - 1
        addRow(header, origin: headerLine, lastColumn: headerEnd, to: stack.count - 1, isHeader: true)
        return true
    }

    /// Adds the current line as a body row of the table at stack index `index`.
    mutating func addTableRow(to index: Int) {
        let line = restOfLine
        let origin = LineOrigin(offset: 0, line: Int32(lineNumber), column: Int32(firstNonspace - lineStart + 1))
        addRow(TableRow.cells(in: line), origin: origin, lastColumn: lineEnd - lineStart, to: index, isHeader: false)
        stack[index].end = lineEndLocation
    }

    private mutating func addRow(
        _ cells: [TableRow.Cell], origin: LineOrigin, lastColumn: Int, to index: Int, isHeader: Bool
    ) {
        let table = stack[index].node
        let alignments = tree.tableAlignments[Int(tree[table].number)]
        let row = makeNode(.tableRow, line: Int(origin.line), column: Int(origin.column))
        if isHeader { tree[row].flags |= NodeFlag.header }
        tree.append(row, to: table)
        for column in 0..<stack[index].columnCount {
            let cell: TableRow.Cell? = column < cells.count ? cells[column] : nil
            let line = Int(origin.line)
            let first = Int(origin.column)
            let node = makeNode(.tableCell, line: line, column: first + (cell?.extent.lowerBound ?? lastColumn - first))
            let end = SourceLocation(
                line: line, column: first + (cell.map { $0.extent.upperBound - 1 } ?? lastColumn - first))
            tree.setRangeEnd(end, of: node)
            tree[node].number = Int32(alignments[column].rawValue)
            tree.append(node, to: row)
            if let cell, !cell.text.isEmpty {
                var input = InlineInput()
                input.appendLine(cell.text, at: SourceLocation(line: line, column: first + cell.offset))
                pendingInlines.append(PendingLeaf(node: node, input: consume input))
            }
        }
        tree.setRangeEnd(SourceLocation(line: Int(origin.line), column: max(lastColumn, 1)), of: row)
    }
}
