/// The last pass over a block's inlines: adjacent text nodes become one, and (with the autolink
/// extension) e-mail addresses in text outside links become `mailto:` links, as cmark-gfm finds them.
extension InlineParser {
    /// Walks the inlines under `root` without recursion, merging text and linking addresses.
    mutating func finishTree(under root: NodeIndex) {
        mergeTextRuns(in: root)
        var node = tree[root].firstChild
        var linkDepth = 0
        while node != SyntaxTree.none {
            let kind = tree[node].kind
            if kind == .text {
                if autolinkEnabled, linkDepth == 0 { node = linkEmailAddresses(in: node) }
            } else if tree[node].firstChild != SyntaxTree.none {
                mergeTextRuns(in: node)
                if kind == .link { linkDepth += 1 }
                node = tree[node].firstChild
                continue
            }
            while node != SyntaxTree.none, tree[node].next == SyntaxTree.none {
                node = tree[node].parent
                if node == root || node == SyntaxTree.none {
                    node = SyntaxTree.none
                } else if tree[node].kind == .link {
                    linkDepth -= 1
                }
            }
            if node != SyntaxTree.none { node = tree[node].next }
        }
    }

    /// Merges each run of adjacent text children of `container` into its first node, and drops
    /// empty text nodes.
    private mutating func mergeTextRuns(in container: NodeIndex) {
        var child = tree[container].firstChild
        while child != SyntaxTree.none {
            var next = tree[child].next
            guard tree[child].kind == .text else {
                child = next
                continue
            }
            var last = child
            var contiguous = true
            var lastSpan = tree[child].literal
            while next != SyntaxTree.none, tree[next].kind == .text {
                let span = tree[next].literal
                if !lastSpan.isFollowed(by: span) { contiguous = false }
                lastSpan = span
                last = next
                next = tree[next].next
            }
            if last != child {
                if contiguous {
                    tree[child].literal = tree[child].literal.through(lastSpan)
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    var current = child
                    while true {
                        tree.withBytes(of: tree[current].literal) { scratch.append(contentsOf: $0) }
                        if current == last { break }
                        current = tree[current].next
                    }
                    tree[child].literal = tree.store(scratch)
                }
                tree.setRangeEnd(tree[range: last].end, of: child)
                while tree[child].next != next { tree.unlink(tree[child].next) }
            }
            if tree[child].literal.count == 0 { tree.unlink(child) }
            child = next
        }
    }

    /// Splits the text node `node` around each e-mail address in it (cmark-gfm's rules: a local
    /// part of letters, digits and `.+-_`; one `@`; a domain of letters, digits, `-`, `_` and dots
    /// followed by a letter or digit, with at least one dot, ending in a letter). Returns the last
    /// node it leaves, for the walk to continue from.
    private mutating func linkEmailAddresses(in node: NodeIndex) -> NodeIndex {
        var current = node
        var offset = 0
        while true {
            let span = tree[current].literal
            let found = tree.withBytes(of: span) { Self.nextEmailAddress(in: $0, from: offset) }
            guard let found else { return current }
            guard let address = found.address else {
                offset = found.resume
                continue
            }
            // The node's bytes, split in three: before, the address, after.
            let range = tree[range: current]
            let count = Int(span.count)
            func piece(_ bytes: Range<Int>) -> (TextSpan, SourceRange) {
                let pieceSpan = span.subspan(from: bytes.lowerBound, count: bytes.count)
                return (pieceSpan, Self.subrange(of: range, count: count, bytes.lowerBound, bytes.upperBound - 1))
            }

            let (addressSpan, addressRange) = piece(address)
            let link = tree.makeNode(.link, range: addressRange)
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: "mailto:".utf8)
            tree.withBytes(of: addressSpan) { scratch.append(contentsOf: $0) }
            tree[link].literal = tree.store(scratch)
            let linkText = tree.makeNode(.text, range: addressRange)
            tree[linkText].literal = addressSpan
            tree.append(linkText, to: link)
            tree.insert(link, after: current)

            let (restSpan, restRange) = piece(address.upperBound..<count)
            let rest = tree.makeNode(.text, range: restRange)
            tree[rest].literal = restSpan
            tree.insert(rest, after: link)

            let (before, beforeRange) = piece(0..<address.lowerBound)
            tree[current].literal = before
            tree[range: current] = beforeRange
            if address.lowerBound == 0 { tree.unlink(current) }
            if address.upperBound == count {
                tree.unlink(rest)
                return link
            }
            current = rest
            offset = 0
        }
    }

    /// Looks for the next `@` from `offset`: `nil` when there is none; otherwise the address it
    /// belongs to (`nil` when it does not make one) and where to look next.
    private static func nextEmailAddress(
        in text: UnsafeBufferPointer<UInt8>, from offset: Int
    ) -> (address: Range<Int>?, resume: Int)? {
        var at = offset
        while at < text.count, text[at] != UInt8(ascii: "@") { at += 1 }
        guard at < text.count else { return nil }
        let failure: (address: Range<Int>?, resume: Int) = (nil, at + 1)

        var rewind = 0
        while rewind < at - offset {
            let byte = text[at - rewind - 1]
            guard
                ASCII.isAlphanumeric(byte) || byte == ASCII.dot || byte == ASCII.plus || byte == ASCII.dash
                    || byte == ASCII.underscore
            else { break }
            rewind += 1
        }
        guard rewind > 0 else { return failure }

        let size = text.count - at
        var length = 0
        var ats = 0
        var dots = 0
        while length < size {
            let byte = text[at + length]
            if ASCII.isAlphanumeric(byte) {
                length += 1
                continue
            }
            if byte == UInt8(ascii: "@") {
                ats += 1
                // A second `@` can only fail; stop here so that `a@a@a@…` stays linear.
                if ats > 1 { return failure }
            } else if byte == ASCII.dot, length < size - 1, ASCII.isAlphanumeric(text[at + length + 1]) {
                dots += 1
            } else if byte != ASCII.dash, byte != ASCII.underscore {
                break
            }
            length += 1
        }
        guard length >= 2, ats == 1, dots > 0 else { return failure }
        let lastByte = text[at + length - 1]
        guard ASCII.isLetter(lastByte) || lastByte == ASCII.dot else { return failure }
        let trimmed = autolinkLength(in: text, start: at, length: length)
        guard trimmed > 0 else { return failure }
        return (at - rewind..<at + trimmed, at + trimmed)
    }

    /// The source range of bytes `first...last` of a text node of `count` bytes: exact when the
    /// node's text is as long as its source (one line, nothing decoded), the whole node otherwise.
    private static func subrange(of range: SourceRange, count: Int, _ first: Int, _ last: Int) -> SourceRange {
        guard range.start.line == range.end.line, range.end.column - range.start.column + 1 == count, first <= last
        else { return range }
        return SourceRange(
            start: SourceLocation(line: range.start.line, column: range.start.column + first),
            end: SourceLocation(line: range.start.line, column: range.start.column + last))
    }
}
