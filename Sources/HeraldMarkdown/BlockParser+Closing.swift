extension BlockParser {
    /// Finishes a block that takes no more lines.
    mutating func close(_ block: OpenBlock) {
        let node = block.node
        tree.setRangeEnd(block.end, of: node)
        switch block.role {
        case .paragraph:
            var input = takeLeafInlines()
            let consumed = input.withBytes { references.consumeDefinitions(atStartOf: $0) }
            if consumed > 0 { input.removeFirst(consumed) }
            input.trimTrailingWhitespace()
            if input.isEmpty {
                tree.unlink(node)
            } else {
                if let first = input.lines.first {
                    tree[range: node].start = SourceLocation(line: Int(first.line), column: Int(first.column))
                }
                pendingInlines.append(PendingLeaf(node: node, input: consume input))
            }
        case .fencedCode:
            tree[node].literal = tree.store(takeLeafLines())
        case .indentedCode:
            var content = takeLeafLines()
            removeTrailingBlankLines(&content)
            tree[node].literal = tree.store(content)
        case .htmlBlock:
            var content = takeLeafLines()
            if content.last == ASCII.newline { content.removeLast() }
            tree[node].literal = tree.store(content)
        case .list:
            if isTight(node) { tree[node].flags |= NodeFlag.tight }
            endAtLastChild(node)
        case .item, .footnoteDefinition:
            endAtLastChild(node)
        case .document, .blockQuote, .table:
            break
        }
    }

    /// The open leaf's inline text, leaving none for the next leaf.
    mutating func takeLeafInlines() -> InlineInput {
        var input = InlineInput()
        swap(&input, &leafInlines)
        return input
    }

    /// The open leaf's raw lines, leaving none for the next leaf.
    private mutating func takeLeafLines() -> [UInt8] {
        var lines: [UInt8] = []
        swap(&lines, &leafLines)
        return lines
    }

    /// Lists and items always match a line, so they end where their last child ends, not at the
    /// line that closed them.
    private func endAtLastChild(_ node: NodeIndex) {
        let last = tree[node].lastChild
        if last != SyntaxTree.none { tree.setRangeEnd(tree[range: last].end, of: node) }
    }

    private func removeTrailingBlankLines(_ content: inout [UInt8]) {
        var end = content.count
        while end > 0 && ASCII.isWhitespace(content[end - 1]) { end -= 1 }
        if let newline = content[end...].firstIndex(of: ASCII.newline) {
            content.removeSubrange(newline...)
        } else {
            content.removeSubrange(end...)
        }
        content.append(ASCII.newline)
    }

    /// A list is loose when an item but the last ends with a blank line, or when two blocks
    /// inside an item are separated by one.
    private func isTight(_ list: NodeIndex) -> Bool {
        var item = tree[list].firstChild
        while item != SyntaxTree.none {
            let next = tree[item].next
            if endsWithBlankLine(item) && next != SyntaxTree.none { return false }
            var child = tree[item].firstChild
            while child != SyntaxTree.none {
                let following = tree[child].next
                if (next != SyntaxTree.none || following != SyntaxTree.none) && endsWithBlankLine(deep: child) {
                    return false
                }
                child = following
            }
            item = next
        }
        return true
    }

    private func endsWithBlankLine(deep node: NodeIndex) -> Bool {
        var current = node
        while current != SyntaxTree.none {
            if endsWithBlankLine(current) { return true }
            let kind = tree[current].kind
            guard kind == .list || kind == .item else { return false }
            current = tree[current].lastChild
        }
        return false
    }

    // MARK: The inline phase

    /// Parses the text of the leaf `pendingInlines[index]`, now that every reference definition is
    /// known. Its text is released once parsed, so the inputs and the nodes made from them do not
    /// all live at once.
    mutating func parseInlines(ofPending index: Int, with parser: inout InlineParser) {
        if taskLists { markTask(ofPending: index) }
        var input = InlineInput()
        swap(&input, &pendingInlines[index].input)
        parser.parse(input, into: pendingInlines[index].node)
    }

    /// ``SyntaxTree/markTask(_:input:)`` on a pending leaf, its input taken out for the call:
    /// marking it in place would copy the whole list of pending leaves each time. The marking is
    /// the tree's, not the parser's: called on the parser while its list was changed, the
    /// optimizer copied the whole parser for every leaf of an outsized document.
    mutating func markTask(ofPending index: Int) {
        var input = InlineInput()
        swap(&input, &pendingInlines[index].input)
        tree.markTask(pendingInlines[index].node, input: &input)
        swap(&input, &pendingInlines[index].input)
    }

    func makeInlineParser() -> InlineParser {
        InlineParser(tree: tree, references: references, footnoteLabels: footnoteLabels)
    }
}

extension SyntaxTree {
    /// Turns `[ ]` or `[x]` at the start of an item's first paragraph into the item's task state.
    func markTask(_ paragraph: NodeIndex, input: inout InlineInput) {
        let item = self[paragraph].parent
        guard self[paragraph].kind == .paragraph, item != SyntaxTree.none, self[item].kind == .item,
            self[item].firstChild == paragraph, input.count >= 4
        else { return }
        let mark: UInt8? = input.withBytes { bytes in
            let mark = bytes[1]
            guard bytes[0] == ASCII.leftBracket, bytes[2] == ASCII.rightBracket, ASCII.isWhitespace(bytes[3]),
                mark == ASCII.space || mark == 0x78 || mark == 0x58
            else { return nil }
            return mark
        }
        guard let mark else { return }
        self[item].flags |= NodeFlag.task
        if mark != ASCII.space { self[item].flags |= NodeFlag.checked }
        input.removeFirst(4)
        self[range: paragraph].start = input.location(of: 0)
    }
}
