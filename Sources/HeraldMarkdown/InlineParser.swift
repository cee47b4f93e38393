/// Turns the text of a leaf block into inline nodes (CommonMark 0.31.2 §6, plus the GFM
/// strikethrough, extended autolink and footnote reference extensions).
///
/// One left-to-right pass over the bytes makes text, code, HTML, autolink and break nodes and
/// pushes delimiter runs (`*`, `_`, `~`) and brackets (`[`, `![`) on two stacks; a `]` resolves the
/// nearest bracket into a link, image or footnote reference, and the emphasis algorithm then pairs
/// the delimiters. Nothing recurses on the input's nesting, and every scan that could look far
/// ahead is either bounded or remembered, so that time stays linear in the input.
///
/// A parser is meant to be reused for every leaf block of a document: its stacks keep their storage.
struct InlineParser {
    let tree: SyntaxTree
    let references: LinkReferenceMap
    let footnoteLabels: Set<[UInt8]>

    let strikethroughEnabled: Bool
    let autolinkEnabled: Bool
    let footnotesEnabled: Bool
    /// The bytes that stop a run of plain text.
    let specialBytes: ASCIISet

    // State of the parse in progress.
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var input = InlineInput()
    var parent: NodeIndex = SyntaxTree.none
    var position = 0
    /// Pending text covers the input from `pendingFirst` through `pendingLast` (`pendingFirst < 0`
    /// when there is none). It is the input from `pendingFirst` up to `pendingViewEnd` as it is,
    /// not yet copied, until a byte that is not the input's own joins it (an escaped character,
    /// a character reference); from then on it is the tail of `tree.text` from `pendingCopyStart`.
    var pendingFirst = -1
    var pendingLast = -1
    var pendingViewEnd = 0
    /// Where the pending text's copy starts in `tree.text`; `-1` while it is not copied.
    var pendingCopyStart = -1
    /// Where the input starts in the tree's source, when it is a view of the source (most leaves
    /// are one line of it); `-1` when it is a copy.
    var inputSourceOffset = -1
    var delimiters: [Delimiter] = []
    var lastDelimiter: Int32 = -1
    var openersBottom = [Int32](repeating: -1, count: 18)
    var brackets: [Bracket] = []
    /// How many brackets at the bottom of the stack were there when the last link closed: the
    /// `[` among them can no longer open a link.
    var inactiveLinkOpeners = 0
    /// How many `[` (not `![`) the bracket stack holds.
    var openLinkBrackets = 0
    /// Every backtick run of the input as `length << 32 | start`, sorted; built at the first backtick.
    var backtickRuns: [UInt64] = []
    var backtickRunsScanned = false
    var htmlSearches = HTMLSearches()
    var domainMemo = DomainMemo()
    var scratch: [UInt8] = []
    /// The line of the last location asked for (see ``location(of:)``).
    var lineCursor = 0

    init(tree: SyntaxTree, references: LinkReferenceMap, footnoteLabels: Set<[UInt8]>) {
        self.tree = tree
        self.references = references
        self.footnoteLabels = footnoteLabels
        strikethroughEnabled = tree.extensions.contains(.strikethrough)
        autolinkEnabled = tree.extensions.contains(.autolink)
        footnotesEnabled = tree.extensions.contains(.footnotes)
        var special = ASCIISet()
        for byte in "\n`\\&<*_[]!".utf8 { special.insert(byte) }
        if strikethroughEnabled { special.insert(ASCII.tilde) }
        if autolinkEnabled {
            special.insert(ASCII.colon)
            special.insert(UInt8(ascii: "w"))
        }
        specialBytes = special
    }

    /// Parses `input` and appends the inline nodes to `parent`.
    mutating func parse(_ input: InlineInput, into parent: NodeIndex) {
        guard !input.isEmpty else { return }
        self.input = input
        self.parent = parent
        input.withBytes { buffer in
            bytes = buffer
            inputSourceOffset = input.isSourceView ? tree.offsetInSource(of: buffer) : -1
            reset()
            parseAll()
            bytes = UnsafeBufferPointer(start: nil, count: 0)
        }
        self.input = InlineInput()
        finishTree(under: parent)
    }

    private mutating func reset() {
        position = 0
        pendingFirst = -1
        pendingCopyStart = -1
        delimiters.removeAll(keepingCapacity: true)
        lastDelimiter = -1
        brackets.removeAll(keepingCapacity: true)
        inactiveLinkOpeners = 0
        openLinkBrackets = 0
        backtickRuns.removeAll(keepingCapacity: true)
        backtickRunsScanned = false
        htmlSearches = HTMLSearches()
        domainMemo = DomainMemo()
        lineCursor = 0
    }

    private mutating func parseAll() {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            switch byte {
            case ASCII.newline:
                handleNewline()
            case ASCII.backslash:
                handleBackslash()
            case ASCII.backtick:
                handleBackticks()
            case ASCII.ampersand:
                handleAmpersand()
            case ASCII.lessThan:
                handleLessThan()
            case ASCII.star, ASCII.underscore:
                handleDelimiterRun()
            case ASCII.tilde where strikethroughEnabled:
                handleDelimiterRun()
            case ASCII.leftBracket:
                pushBracket(at: position, isImage: false)
                position += 1
            case ASCII.bang:
                // cmark-gfm never reads `![^` as an image, so that `text![^1]` is a `!` and a note.
                if position + 1 < count, bytes[position + 1] == ASCII.leftBracket,
                    !(footnotesEnabled && position + 2 < count && bytes[position + 2] == ASCII.caret)
                {
                    pushBracket(at: position, isImage: true)
                    position += 2
                } else {
                    appendTextRun(from: position + 1, startingWith: position)
                }
            case ASCII.rightBracket:
                handleRightBracket()
            case UInt8(ascii: "w") where autolinkEnabled:
                if !matchWWWAutolink() { appendTextRun(from: position + 1, startingWith: position) }
            case ASCII.colon where autolinkEnabled:
                if !matchURLAutolink() { appendTextRun(from: position + 1, startingWith: position) }
            default:
                appendTextRun(from: position, startingWith: position)
            }
        }
        flushText()
        processEmphasis(above: -1)
        brackets.removeAll(keepingCapacity: true)
    }

    // MARK: Text

    /// Appends the text from `start` up to the next special byte (searched from `searchFrom`), with
    /// the spaces before a line ending dropped, and moves past it.
    mutating func appendTextRun(from searchFrom: Int, startingWith start: Int) {
        var end = searchFrom
        let count = bytes.count
        while end < count, !specialBytes.contains(bytes[end]) { end += 1 }
        var textEnd = end
        if end < count, bytes[end] == ASCII.newline {
            while textEnd > start, ASCII.isWhitespace(bytes[textEnd - 1]) { textEnd -= 1 }
        }
        appendPending(start..<textEnd)
        position = end
    }

    /// Adds input bytes to the pending text as they are.
    @inline(__always)
    mutating func appendPending(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if pendingFirst < 0 {
            pendingFirst = range.lowerBound
            pendingViewEnd = range.upperBound
        } else if pendingCopyStart < 0, range.lowerBound == pendingViewEnd {
            pendingViewEnd = range.upperBound
        } else {
            copyPending()
            tree.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
        pendingLast = range.upperBound - 1
    }

    /// Makes the pending text a copy at the tail of `tree.text`, starting it at input offset
    /// `offset` if none is pending, for bytes that are not the input's as it is to join it.
    @inline(__always)
    mutating func beginCopiedPending(at offset: Int) {
        if pendingFirst < 0 {
            pendingFirst = offset
            pendingCopyStart = tree.text.count
        } else {
            copyPending()
        }
    }

    /// Copies the pending text, while it is the input as it is, to the tail of `tree.text`.
    private mutating func copyPending() {
        guard pendingCopyStart < 0 else { return }
        pendingCopyStart = tree.text.count
        tree.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pendingFirst..<pendingViewEnd]))
    }

    /// Takes the last `count` bytes of the pending text back, when they are the input's from
    /// `start` as it is and the pending text ends right before `start + count`: an autolink's
    /// scheme, read as text before its `:` was. Returns whether it did.
    mutating func takeBackPendingTail(from start: Int, count: Int) -> Bool {
        guard pendingFirst >= 0, pendingFirst <= start, pendingLast == start + count - 1 else { return false }
        if pendingCopyStart < 0 {
            pendingViewEnd = start
        } else {
            guard tree.text.count - pendingCopyStart >= count,
                tree.text[(tree.text.count - count)...].elementsEqual(
                    UnsafeBufferPointer(rebasing: bytes[start..<start + count]))
            else { return false }
            tree.text.removeLast(count)
        }
        pendingLast = start - 1
        let isEmpty = pendingCopyStart < 0 ? pendingViewEnd == pendingFirst : tree.text.count == pendingCopyStart
        if isEmpty { pendingFirst = -1 }
        return true
    }

    /// Turns the pending text into a text node. Every other node is made after this, so that
    /// copied pending text is always the tail of `tree.text`.
    mutating func flushText() {
        guard pendingFirst >= 0 else { return }
        let span =
            pendingCopyStart < 0
            ? inputSpan(pendingFirst..<pendingViewEnd)
            : TextSpan(start: Int32(pendingCopyStart), count: Int32(tree.text.count - pendingCopyStart))
        pendingCopyStart = -1
        if span.count > 0 {
            let node = tree.makeNode(.text, range: sourceRange(pendingFirst, pendingLast))
            tree[node].literal = span
            tree.append(node, to: parent)
        }
        pendingFirst = -1
    }

    /// Makes a text node holding `bytes[range]` and appends it to the block; for the runs that the
    /// later phases shorten or remove (delimiters and brackets).
    mutating func appendTextNode(_ range: Range<Int>) -> NodeIndex {
        flushText()
        let node = tree.makeNode(.text, range: sourceRange(range.lowerBound, range.upperBound - 1))
        tree[node].literal = inputSpan(range)
        tree.append(node, to: parent)
        return node
    }

    /// `bytes[range]`, the input as it is, as a span: of the source when the input is a view of
    /// it, else of a copy in the tree's text. Nothing may be pending.
    @inline(__always)
    mutating func inputSpan(_ range: Range<Int>) -> TextSpan {
        guard inputSourceOffset >= 0 else { return tree.store(UnsafeBufferPointer(rebasing: bytes[range])) }
        return .source(start: inputSourceOffset + range.lowerBound, count: range.count)
    }

    /// The source range from input offset `first` through `last`.
    @inline(__always)
    mutating func sourceRange(_ first: Int, _ last: Int) -> SourceRange {
        SourceRange(start: location(of: first), end: location(of: max(first, last)))
    }

    /// ``InlineInput/location(of:)``, remembering the line of the previous answer: nodes are made
    /// mostly in input order, so the next offset is nearly always on the same or the next line.
    private mutating func location(of offset: Int) -> SourceLocation {
        if let origin = input.lines.onlyOrigin {
            return origin.location(of: offset)
        }
        let lines = input.lines.count
        guard lines > 0 else { return SourceLocation(line: 1, column: 1) }
        var index = min(lineCursor, lines - 1)
        if Int(input.lines[index].offset) > offset {
            index = lineIndex(of: offset, in: 0, index - 1)
        } else if index + 1 < lines, Int(input.lines[index + 1].offset) <= offset {
            index += 1
            if index + 1 < lines, Int(input.lines[index + 1].offset) <= offset {
                index = lineIndex(of: offset, in: index + 1, lines - 1)
            }
        }
        lineCursor = index
        let origin = input.lines[index]
        return origin.location(of: offset)
    }

    /// The last line in `low...high` that starts at or before `offset` (`low` when none does).
    private func lineIndex(of offset: Int, in low: Int, _ high: Int) -> Int {
        var low = low
        var high = max(low, high)
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(input.lines[middle].offset) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    // MARK: Line endings, escapes, references

    private mutating func handleNewline() {
        let newline = position
        var first = newline
        while first > 0, bytes[first - 1] == ASCII.space { first -= 1 }
        flushText()
        let isHard = newline - first >= 2
        let range = sourceRange(isHard ? first : newline, newline)
        let node = tree.makeNode(isHard ? .lineBreak : .softBreak, range: range)
        tree.append(node, to: parent)
        position = LinkSyntax.skipSpaces(in: bytes, from: newline + 1)
    }

    private mutating func handleBackslash() {
        let next = position + 1
        if next < bytes.count, bytes[next] == ASCII.newline {
            flushText()
            let node = tree.makeNode(.lineBreak, range: sourceRange(position, next))
            tree.append(node, to: parent)
            position = LinkSyntax.skipSpaces(in: bytes, from: next + 1)
        } else if next < bytes.count, ASCII.isPunctuation(bytes[next]) {
            beginCopiedPending(at: position)
            tree.text.append(bytes[next])
            pendingLast = next
            position = next + 1
        } else {
            appendTextRun(from: next, startingWith: position)
        }
    }

    private mutating func handleAmpersand() {
        let start = position
        scratch.removeAll(keepingCapacity: true)
        if let end = HTMLEntities.decode(bytes, at: start, appendingTo: &scratch) {
            beginCopiedPending(at: start)
            tree.text.append(contentsOf: scratch)
            pendingLast = end - 1
            position = end
        } else {
            appendTextRun(from: start + 1, startingWith: start)
        }
    }
}

/// A set of ASCII bytes as two 64-bit masks, tested without branching on the byte: the text scan
/// tests every byte of a paragraph, and a switch over four masks compiled to a jump table there,
/// which took 40 % of the scan.
struct ASCIISet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    mutating func insert(_ byte: UInt8) {
        precondition(byte < 0x80, "ASCIISet holds ASCII bytes only")
        if byte < 0x40 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte & 63) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word = byte & 0x40 == 0 ? low : high
        return byte < 0x80 && (word >> UInt64(byte & 63)) & 1 != 0
    }
}
