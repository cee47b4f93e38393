extension BlockParser {
    /// What trying to open a block on the current line gave.
    enum NewBlock {
        /// A container or leaf opened at this stack index; the rest of the line goes on from there.
        case container(Int)
        /// The line was used up (a heading, a thematic break, a setext underline, a table's delimiter row).
        case lineDone
    }

    /// Tries each block start in the spec's order of precedence at the current position.
    mutating func openNewBlock(in container: Int, allMatched: Bool, maybeLazy: Bool) -> NewBlock? {
        findFirstNonspace()
        let indented = indent >= BlockParser.codeIndent
        let role = stack[container].role
        let first = byte(at: firstNonspace)
        let startColumn = firstNonspace - lineStart + 1

        if !indented {
            if first == ASCII.greaterThan {
                advanceToFirstNonspace()
                advance(by: 1, columns: false)
                if ASCII.isSpaceOrTab(byte(at: offset)) { advance(by: 1, columns: true) }
                return .container(openBlock(.blockQuote, kind: .blockQuote, in: container, column: startColumn))
            }
            if first == ASCII.hash, let level = atxHeadingLevel() {
                openATXHeading(level: level, in: container, column: startColumn)
                return .lineDone
            }
            if first == ASCII.backtick || first == ASCII.tilde, let fence = openingFence() {
                let index = openBlock(.fencedCode, kind: .codeBlock, in: container, column: startColumn)
                tree[stack[index].node].flags |= NodeFlag.fenced
                stack[index].fenceCharacter = first
                stack[index].fenceLength = fence.length
                stack[index].fenceOffset = indent
                tree[stack[index].node].extra = tree.store(InfoString.decode(fence.info))
                return .lineDone
            }
            if first == ASCII.lessThan,
                let kind = HTMLBlockStart.kind(of: restOfLine, canInterruptParagraph: role == .paragraph)
            {
                let index = openBlock(.htmlBlock, kind: .htmlBlock, in: container, column: startColumn)
                stack[index].htmlKind = kind
                return .container(index)
            }
            if role == .paragraph, first == ASCII.equals || first == ASCII.dash, let level = setextLevel() {
                if convertToSetextHeading(at: container, level: level) { return .lineDone }
                return nil
            }
            if !(role == .paragraph && !allMatched), isThematicBreak() {
                let node = addClosedBlock(.thematicBreak, in: container, column: startColumn)
                tree.setRangeEnd(lineEndLocation, of: node)
                return .lineDone
            }
        }
        if (!indented || role == .list) && indent < BlockParser.codeIndent,
            let marker = listMarker(interruptsParagraph: role == .paragraph)
        {
            return .container(openListItem(marker, in: container))
        }
        if !indented && footnotes && first == ASCII.leftBracket, let label = footnoteDefinitionLabel() {
            let index = openBlock(.footnoteDefinition, kind: .footnoteDefinition, in: container, column: startColumn)
            tree[stack[index].node].literal = tree.store(label)
            footnoteLabels.insert(LinkReferenceMap.normalize(label))
            return .container(index)
        }
        if indented && !maybeLazy && !blank {
            advance(by: BlockParser.codeIndent, columns: true)
            return .container(openBlock(.indentedCode, kind: .codeBlock, in: container, column: currentColumn))
        }
        if !indented && tables && role == .paragraph, openTable(from: container) {
            return .lineDone
        }
        return nil
    }

    // MARK: Headings

    func atxHeadingLevel() -> Int? {
        var index = firstNonspace
        while index < lineEnd && source[index] == ASCII.hash { index += 1 }
        let level = index - firstNonspace
        guard level <= 6 else { return nil }
        guard index == lineEnd || ASCII.isSpaceOrTab(source[index]) else { return nil }
        return level
    }

    mutating func openATXHeading(level: Int, in container: Int, column: Int) {
        let node = addClosedBlock(.heading, in: container, column: column)
        tree[node].number = Int32(level)
        var start = firstNonspace + level
        while start < lineEnd && ASCII.isSpaceOrTab(source[start]) { start += 1 }
        var end = lineEnd
        while end > start && ASCII.isSpaceOrTab(source[end - 1]) { end -= 1 }
        // An optional closing run of `#`, preceded by a space or tab (or making up the whole content).
        var hashes = end
        while hashes > start && source[hashes - 1] == ASCII.hash { hashes -= 1 }
        if hashes < end {
            if hashes == start {
                end = start
            } else if ASCII.isSpaceOrTab(source[hashes - 1]) {
                end = hashes
                while end > start && ASCII.isSpaceOrTab(source[end - 1]) { end -= 1 }
            }
        }
        var input = InlineInput()
        if start < end {
            input.appendSourceLine(
                UnsafeBufferPointer(rebasing: source[start..<end]),
                at: SourceLocation(line: lineNumber, column: start - lineStart + 1))
        }
        takeHeadingAttribute(from: &input, for: node)
        pendingInlines.append(PendingLeaf(node: node, input: consume input))
    }

    func setextLevel() -> Int? {
        guard indent < BlockParser.codeIndent else { return nil }
        let marker = source[firstNonspace]
        var index = firstNonspace
        while index < lineEnd && source[index] == marker { index += 1 }
        while index < lineEnd && ASCII.isSpaceOrTab(source[index]) { index += 1 }
        guard index == lineEnd else { return nil }
        return marker == ASCII.equals ? 1 : 2
    }

    /// Turns the paragraph at `index` into a setext heading, once its leading reference definitions are
    /// taken out; returns false when nothing is left to be a heading.
    mutating func convertToSetextHeading(at index: Int, level: Int) -> Bool {
        let consumed = leafInlines.withBytes { references.consumeDefinitions(atStartOf: $0) }
        if consumed > 0 { leafInlines.removeFirst(consumed) }
        guard !leafInlines.isEmpty else { return false }
        let node = stack[index].node
        tree[node].kind = .heading
        tree[node].number = Int32(level)
        tree[node].flags |= NodeFlag.setext
        if let first = leafInlines.lines.first {
            tree[range: node].start = SourceLocation(line: Int(first.line), column: Int(first.column))
        }
        leafInlines.trimTrailingWhitespace()
        tree.setRangeEnd(lineEndLocation, of: node)
        var inlines = takeLeafInlines()
        takeHeadingAttribute(from: &inlines, for: node)
        pendingInlines.append(PendingLeaf(node: node, input: consume inlines))
        stack.removeLast(stack.count - index)
        return true
    }

    // MARK: Leaves

    func isThematicBreak() -> Bool {
        let marker = byte(at: firstNonspace)
        guard marker == ASCII.star || marker == ASCII.dash || marker == ASCII.underscore else { return false }
        var count = 0
        var index = firstNonspace
        while index < lineEnd {
            let byte = source[index]
            if byte == marker {
                count += 1
            } else if !ASCII.isSpaceOrTab(byte) {
                return false
            }
            index += 1
        }
        return count >= 3
    }

    func openingFence() -> (length: Int, info: UnsafeBufferPointer<UInt8>)? {
        let marker = source[firstNonspace]
        var index = firstNonspace
        while index < lineEnd && source[index] == marker { index += 1 }
        let length = index - firstNonspace
        guard length >= 3 else { return nil }
        while index < lineEnd && ASCII.isSpaceOrTab(source[index]) { index += 1 }
        var end = lineEnd
        while end > index && ASCII.isSpaceOrTab(source[end - 1]) { end -= 1 }
        let info = UnsafeBufferPointer(rebasing: source[index..<end])
        if marker == ASCII.backtick && info.contains(ASCII.backtick) { return nil }
        return (length, info)
    }

    /// Reads `[^label]:` and moves past it and the spaces after it.
    mutating func footnoteDefinitionLabel() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard byte(at: firstNonspace + 1) == ASCII.caret else { return nil }
        let start = firstNonspace + 2
        var index = start
        while index < lineEnd && source[index] != ASCII.rightBracket {
            if ASCII.isWhitespace(source[index]) { return nil }
            index += 1
        }
        guard index > start, index < lineEnd, byte(at: index + 1) == ASCII.colon else { return nil }
        let label = source[start..<index]
        advance(by: index + 2 - offset, columns: false)
        while ASCII.isSpaceOrTab(byte(at: offset)) { advance(by: 1, columns: true) }
        return label
    }
}
