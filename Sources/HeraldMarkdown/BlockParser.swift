/// The block phase of parsing: reads the source line by line into the tree of blocks (CommonMark §4–5,
/// GFM tables and footnote definitions), then hands every leaf's text to the ``InlineParser``.
struct BlockParser {
    static let tabStop = 4
    static let codeIndent = 4

    let tree: SyntaxTree
    /// The text being read, valid UTF-8: the caller's storage (a string's own, when it needs no
    /// repair), which must outlive the parser.
    let source: UnsafeBufferPointer<UInt8>

    /// The blocks still open, the document first and the innermost last.
    var stack: [OpenBlock] = []
    /// Per node: whether its last line was blank (for list tightness).
    var endsWithBlankLine: [Bool] = []
    var references = LinkReferenceMap()
    var footnoteLabels: Set<[UInt8]> = []
    /// Leaves whose text waits for the inline phase, which needs every reference definition first.
    var pendingInlines: [PendingLeaf] = []
    /// The open leaf's text, which is always the innermost block: a code or HTML block's raw lines…
    var leafLines: [UInt8] = []
    /// …or a paragraph's text for the inline phase.
    var leafInlines = InlineInput()

    // The current line.
    var lineNumber = 0
    var lineStart = 0
    var lineEnd = 0
    var offset = 0
    var column = 0
    var partiallyConsumedTab = false
    var firstNonspace = 0
    var firstNonspaceColumn = 0
    var indent = 0
    var blank = false

    let tables: Bool
    let footnotes: Bool
    let taskLists: Bool
    let headingAttributes: Bool

    /// A parser of `bytes`, valid UTF-8 (see ``SourceText``), which must stay where they are until
    /// the parse is done.
    init(tree: SyntaxTree, bytes: UnsafeBufferPointer<UInt8>) {
        self.tree = tree
        self.source = bytes
        tables = tree.extensions.contains(.table)
        footnotes = tree.extensions.contains(.footnotes)
        taskLists = tree.extensions.contains(.taskList)
        headingAttributes = tree.extensions.contains(.headingAttributes)
    }

    // MARK: Driving

    /// Parses the whole document: blocks, then every leaf's inlines (in runs on several threads
    /// when `splitting` allows and the document is that long), then the footnotes' order.
    mutating func parseDocument(splitting: ParseSplitting? = nil) {
        parseBlocks(splitting: splitting)
        if let splitting, splitting.splits(lineCount: lineNumber) {
            parseInlines(splitting: splitting)
        } else {
            var inlines = makeInlineParser()
            for index in pendingInlines.indices { parseInlines(ofPending: index, with: &inlines) }
        }
        pendingInlines = []
        if footnotes, var arrangement = FootnoteArrangement(tree: tree) {
            arrangement.numberReferences(under: 0)
            _ = arrangement.appendReferencedDefinitions()
        }
    }

    /// The block phase: every line into the tree of blocks, leaves' text kept for the inline phase;
    /// in runs on several threads when `splitting` allows and the document is that long.
    mutating func parseBlocks(splitting: ParseSplitting? = nil) {
        if let splitting, readBlocksInRuns(splitting: splitting) { return }
        _ = readBlocks(from: textStart, to: source.count)
    }

    /// Where the text starts: after a byte-order mark, which is not part of it (cmark skips it
    /// too), and which columns count from after.
    var textStart: Int {
        source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF ? 3 : 0
    }

    mutating func setEndsWithBlankLine(_ node: NodeIndex, _ value: Bool) {
        let index = Int(node)
        if index >= endsWithBlankLine.count {
            guard value else { return }
            endsWithBlankLine.append(contentsOf: repeatElement(false, count: index + 1 - endsWithBlankLine.count))
        }
        endsWithBlankLine[index] = value
    }

    func endsWithBlankLine(_ node: NodeIndex) -> Bool {
        Int(node) < endsWithBlankLine.count && endsWithBlankLine[Int(node)]
    }

    func makeNode(_ kind: MarkdownNode.Kind, line: Int, column: Int) -> NodeIndex {
        let location = SourceLocation(line: line, column: column)
        return tree.makeNode(kind, range: SourceRange(start: location, end: location))
    }

    // MARK: Line state

    /// The current line from its first non-space byte, its bytes counted from 0.
    var restOfLine: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: source[firstNonspace..<lineEnd])
    }

    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        index < lineEnd ? source[index] : ASCII.newline
    }

    /// Finds the first non-space, non-tab byte from `offset` and the indentation up to it.
    ///
    /// The scan is remembered until `offset` moves past it, so that matching many nested containers
    /// on one line does not rescan the same indentation for each (which made deep lists cubic).
    mutating func findFirstNonspace() {
        if firstNonspace <= offset {
            var chars = column
            var index = offset
            while index < lineEnd {
                let byte = source[index]
                if byte == ASCII.space {
                    chars += 1
                } else if byte == ASCII.tab {
                    chars += BlockParser.tabStop - (chars % BlockParser.tabStop)
                } else {
                    break
                }
                index += 1
            }
            firstNonspace = index
            firstNonspaceColumn = chars
        }
        indent = firstNonspaceColumn - column
        blank = firstNonspace >= lineEnd
    }

    /// Moves `count` bytes, or `count` columns when `columns` is set (splitting a tab when needed).
    mutating func advance(by count: Int, columns: Bool) {
        var remaining = count
        while remaining > 0 && offset < lineEnd {
            if source[offset] == ASCII.tab {
                let toTabStop = BlockParser.tabStop - (column % BlockParser.tabStop)
                if columns {
                    partiallyConsumedTab = toTabStop > remaining
                    let consumed = min(remaining, toTabStop)
                    column += consumed
                    offset += partiallyConsumedTab ? 0 : 1
                    remaining -= consumed
                } else {
                    partiallyConsumedTab = false
                    column += toTabStop
                    offset += 1
                    remaining -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                remaining -= 1
            }
        }
    }

    mutating func advanceToFirstNonspace() {
        advance(by: firstNonspace - offset, columns: false)
    }

    var currentColumn: Int { offset - lineStart + 1 }

    var lineEndLocation: SourceLocation {
        SourceLocation(line: lineNumber, column: max(lineEnd - lineStart, 1))
    }

    // MARK: One line

    mutating func processLine(from start: Int, to end: Int) {
        lineNumber += 1
        lineStart = start
        lineEnd = end
        offset = start
        column = 0
        partiallyConsumedTab = false
        firstNonspace = -1

        var allMatched = true
        var matched = 0
        var depth = 1
        while depth < stack.count {
            switch matchContinuation(of: depth) {
            case .matched:
                matched = depth
                depth += 1
            case .failed:
                allMatched = false
                depth = stack.count
            case .lineDone:
                return
            }
        }
        let lastMatched = matched
        for index in 0...matched where stack[index].role == .blockQuote || stack[index].role == .document {
            stack[index].end = lineEndLocation
        }

        var container = matched
        var maybeLazy = stack[stack.count - 1].role == .paragraph
        var startedBlock = false
        while true {
            let role = stack[container].role
            if role == .fencedCode || role == .indentedCode || role == .htmlBlock { break }
            guard let opened = openNewBlock(in: container, allMatched: allMatched, maybeLazy: maybeLazy) else { break }
            startedBlock = true
            switch opened {
            case .container(let index):
                container = index
            case .lineDone:
                return
            }
            if stack[container].acceptsLines { break }
            maybeLazy = false
        }

        findFirstNonspace()
        let tip = stack.count - 1
        if !startedBlock && tip != lastMatched && !blank && stack[tip].role == .paragraph {
            // A lazy continuation line: it belongs to the open paragraph although its containers did not match.
            addParagraphLine(to: tip)
            return
        }
        closeBlocks(deeperThan: container)
        noteBlankLine(in: container)
        addLine(to: container)
    }

    enum Continuation {
        case matched, failed, lineDone
    }

    /// Whether the open block at `depth` continues on this line, consuming its markers.
    mutating func matchContinuation(of depth: Int) -> Continuation {
        findFirstNonspace()
        switch stack[depth].role {
        case .document, .list:
            return .matched
        case .blockQuote:
            guard indent <= 3 && byte(at: firstNonspace) == ASCII.greaterThan else { return .failed }
            advanceToFirstNonspace()
            advance(by: 1, columns: false)
            if ASCII.isSpaceOrTab(byte(at: offset)) { advance(by: 1, columns: true) }
            return .matched
        case .item:
            let width = stack[depth].markerOffset + stack[depth].padding
            if indent >= width {
                advance(by: width, columns: true)
                return .matched
            }
            if blank && tree[stack[depth].node].firstChild != SyntaxTree.none {
                advanceToFirstNonspace()
                return .matched
            }
            return .failed
        case .footnoteDefinition, .indentedCode:
            if indent >= BlockParser.codeIndent {
                advance(by: BlockParser.codeIndent, columns: true)
                return .matched
            }
            if blank {
                advanceToFirstNonspace()
                return .matched
            }
            return .failed
        case .fencedCode:
            if indent <= 3 && isClosingFence(character: stack[depth].fenceCharacter, length: stack[depth].fenceLength) {
                stack[depth].end = lineEndLocation
                for index in 0..<depth { stack[index].end = lineEndLocation }
                closeBlocks(deeperThan: depth - 1)
                return .lineDone
            }
            var remaining = stack[depth].fenceOffset
            while remaining > 0 && ASCII.isSpaceOrTab(byte(at: offset)) {
                advance(by: 1, columns: true)
                remaining -= 1
            }
            return .matched
        case .htmlBlock:
            return blank && stack[depth].htmlKind >= 6 ? .failed : .matched
        case .paragraph, .table:
            return blank ? .failed : .matched
        }
    }

    func isClosingFence(character: UInt8, length: Int) -> Bool {
        var index = firstNonspace
        while index < lineEnd && source[index] == character { index += 1 }
        guard index - firstNonspace >= length else { return false }
        while index < lineEnd && ASCII.isSpaceOrTab(source[index]) { index += 1 }
        return index == lineEnd
    }

    /// Records whether the line was blank on the block that takes it (list tightness depends on it).
    mutating func noteBlankLine(in container: Int) {
        let role = stack[container].role
        let node = stack[container].node
        if blank && tree[node].lastChild != SyntaxTree.none {
            setEndsWithBlankLine(tree[node].lastChild, true)
        }
        let lastLineBlank =
            blank && role != .blockQuote && role != .fencedCode
            && !(role == .item && tree[node].firstChild == SyntaxTree.none
                && tree[range: node].start.line == lineNumber)
        setEndsWithBlankLine(node, lastLineBlank)
        var parent = container - 1
        while parent >= 0 {
            setEndsWithBlankLine(stack[parent].node, false)
            parent -= 1
        }
    }

    /// Puts the rest of the line into the block at `container`, or into a new paragraph.
    mutating func addLine(to container: Int) {
        switch stack[container].role {
        case .fencedCode, .indentedCode:
            appendRawLine(to: container)
            stack[container].end = lineEndLocation
        case .htmlBlock:
            appendRawLine(to: container)
            stack[container].end = lineEndLocation
            if HTMLBlockStart.isEnd(of: stack[container].htmlKind, in: restOfLine) {
                closeBlocks(deeperThan: container - 1)
            }
        case .paragraph:
            addParagraphLine(to: container)
        case .table:
            addTableRow(to: container)
        default:
            guard !blank else { return }
            let paragraph = openBlock(
                .paragraph, kind: .paragraph, in: container, column: firstNonspace - lineStart + 1)
            addParagraphLine(to: paragraph)
        }
    }

    mutating func appendRawLine(to index: Int) {
        if partiallyConsumedTab {
            offset += 1
            let spaces = BlockParser.tabStop - (column % BlockParser.tabStop)
            leafLines.append(contentsOf: repeatElement(ASCII.space, count: spaces))
        }
        if offset < lineEnd { leafLines.append(contentsOf: source[offset..<lineEnd]) }
        leafLines.append(ASCII.newline)
    }

    mutating func addParagraphLine(to index: Int) {
        let start = firstNonspace
        guard start < lineEnd else { return }
        leafInlines.appendSourceLine(
            UnsafeBufferPointer(rebasing: source[start..<lineEnd]),
            at: SourceLocation(line: lineNumber, column: start - lineStart + 1))
        stack[index].end = lineEndLocation
    }

    // MARK: Opening and closing

    /// Closes unmatched blocks, climbs to a block that can hold `role`, and opens a new one there.
    /// Returns the stack index of the new block.
    mutating func openBlock(_ role: OpenBlock.Role, kind: MarkdownNode.Kind, in container: Int, column: Int) -> Int {
        closeBlocks(deeperThan: container)
        while !stack[stack.count - 1].canContain(role) { closeInnermost() }
        let parent = stack[stack.count - 1].node
        let node = makeNode(kind, line: lineNumber, column: column)
        tree.append(node, to: parent)
        var block = OpenBlock(node: node, role: role)
        block.end = lineEndLocation
        stack.append(block)
        return stack.count - 1
    }

    /// Adds a block that is complete at once (heading, thematic break) to the block at `container`.
    mutating func addClosedBlock(_ kind: MarkdownNode.Kind, in container: Int, column: Int) -> NodeIndex {
        closeBlocks(deeperThan: container)
        while !stack[stack.count - 1].canContain(.paragraph) { closeInnermost() }
        let node = makeNode(kind, line: lineNumber, column: column)
        tree.setRangeEnd(lineEndLocation, of: node)
        tree.append(node, to: stack[stack.count - 1].node)
        noteBlankLine(in: stack.count - 1)
        return node
    }

    mutating func closeBlocks(deeperThan depth: Int) {
        while stack.count - 1 > depth { closeInnermost() }
    }

    mutating func closeInnermost() {
        let block = stack.removeLast()
        close(block)
    }
}
