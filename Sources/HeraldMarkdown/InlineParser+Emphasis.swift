/// Emphasis, strong emphasis and strikethrough: delimiter runs and the pairing algorithm of
/// CommonMark 0.31.2 §6.2 (with cmark-gfm's rules for `~`).
extension InlineParser {
    /// A run of `*`, `_` or `~` that may still open or close something. The delimiters form a
    /// doubly linked list threaded through ``InlineParser/delimiters``, in input order, so that
    /// removing one from the middle costs nothing.
    struct Delimiter {
        /// The text node holding the run's remaining characters.
        var node: NodeIndex
        /// Input offset of the first remaining character.
        var start: Int32
        var remaining: Int32
        /// The run's original length, for the rule of three.
        var length: Int32
        var byte: UInt8
        var canOpen: Bool
        var canClose: Bool
        var previous: Int32
        var next: Int32
    }

    /// Reads a delimiter run at `position`, classifies it by the flanking rules and pushes it.
    mutating func handleDelimiterRun() {
        let start = position
        let byte = bytes[start]
        var end = start + 1
        while end < bytes.count, bytes[end] == byte { end += 1 }
        let length = end - start

        let (before, after) =
            byte != ASCII.tilde && strikethroughEnabled
            ? neighboursSkippingTildes(start: start, end: end) : neighbours(start: start, end: end)
        let beforeIsSpace = UnicodeClasses.isWhitespace(before)
        let afterIsSpace = UnicodeClasses.isWhitespace(after)
        let beforeIsPunctuation = UnicodeClasses.isPunctuation(before)
        let afterIsPunctuation = UnicodeClasses.isPunctuation(after)
        let leftFlanking = !afterIsSpace && (!afterIsPunctuation || beforeIsSpace || beforeIsPunctuation)
        let rightFlanking = !beforeIsSpace && (!beforeIsPunctuation || afterIsSpace || afterIsPunctuation)

        let canOpen: Bool
        let canClose: Bool
        switch byte {
        case ASCII.underscore:
            canOpen = leftFlanking && (!rightFlanking || beforeIsPunctuation)
            canClose = rightFlanking && (!leftFlanking || afterIsPunctuation)
        case ASCII.tilde:
            // cmark-gfm: only runs of one or two tildes, by the flanking rules alone.
            canOpen = length <= 2 && leftFlanking
            canClose = length <= 2 && rightFlanking
        default:
            canOpen = leftFlanking
            canClose = rightFlanking
        }

        let node = appendTextNode(start..<end)
        position = end
        guard canOpen || canClose else { return }
        let index = Int32(delimiters.count)
        delimiters.append(
            Delimiter(
                node: node, start: Int32(start), remaining: Int32(length), length: Int32(length), byte: byte,
                canOpen: canOpen, canClose: canClose, previous: lastDelimiter, next: -1))
        if lastDelimiter >= 0 { delimiters[Int(lastDelimiter)].next = index }
        lastDelimiter = index
    }

    /// The characters before and after the run `start..<end`; the edges of the text (and, as in
    /// cmark, a malformed sequence) count as a line ending, which is whitespace.
    private func neighbours(start: Int, end: Int) -> (Unicode.Scalar, Unicode.Scalar) {
        let before: Unicode.Scalar =
            start == 0 ? "\n" : UnicodeClasses.scalar(in: bytes, endingBefore: start) ?? "\n"
        let after: Unicode.Scalar =
            end == bytes.count ? "\n" : UnicodeClasses.scalar(in: bytes, startingAt: end)?.0 ?? "\n"
        return (before, after)
    }

    /// cmark-gfm, with strikethrough on, looks through adjacent tildes for the characters that
    /// decide whether a `*` or `_` run flanks (so `*a ~*` is no emphasis); a tilde at the very
    /// edge counts as a line ending.
    private func neighboursSkippingTildes(start: Int, end: Int) -> (Unicode.Scalar, Unicode.Scalar) {
        var before: Unicode.Scalar = "\n"
        if start > 0 {
            var index = start - 1
            while index > 0, bytes[index] == ASCII.tilde || bytes[index] & 0xC0 == 0x80 { index -= 1 }
            if bytes[index] != ASCII.tilde {
                before = UnicodeClasses.scalar(in: bytes, startingAt: index)?.0 ?? "\n"
            }
        }
        var index = end
        while index < bytes.count, bytes[index] == ASCII.tilde { index += 1 }
        let after: Unicode.Scalar =
            index == bytes.count ? "\n" : UnicodeClasses.scalar(in: bytes, startingAt: index)?.0 ?? "\n"
        return (before, after)
    }

    /// Pairs the delimiters above `bottom` (an index into ``delimiters``, `-1` for all of them)
    /// into emphasis, strong emphasis and strikethrough, then drops them all.
    ///
    /// `openersBottom` remembers, per kind of closer, below which delimiter no opener can match,
    /// which keeps the search linear.
    mutating func processEmphasis(above bottom: Int32) {
        for index in openersBottom.indices { openersBottom[index] = bottom }
        var closer = lastDelimiter
        var first: Int32 = -1
        while closer > bottom {
            first = closer
            closer = delimiters[Int(closer)].previous
        }
        closer = first
        while closer >= 0 {
            let current = delimiters[Int(closer)]
            guard current.canClose else {
                closer = current.next
                continue
            }
            let key = Self.openersBottomKey(current)
            var opener = current.previous
            var found = false
            while opener > openersBottom[key] {
                let candidate = delimiters[Int(opener)]
                if candidate.canOpen, candidate.byte == current.byte, Self.canPair(candidate, current) {
                    found = true
                    break
                }
                opener = candidate.previous
            }
            if found, current.byte == ASCII.tilde, delimiters[Int(opener)].length != current.length {
                // cmark-gfm pairs the nearest tilde opener whatever its length, then gives up on a
                // mismatch: the closer (which cannot open) stays text, and later closers of this
                // kind could only meet the same opener again.
                openersBottom[key] = opener
                removeDelimiter(closer)
                closer = current.next
            } else if found {
                closer =
                    current.byte == ASCII.tilde
                    ? makeStrikethrough(opener: opener, closer: closer)
                    : makeEmphasis(opener: opener, closer: closer)
            } else {
                openersBottom[key] = current.previous
                if !current.canOpen { removeDelimiter(closer) }
                closer = current.next
            }
        }
        dropDelimiters(above: bottom)
    }

    private static func openersBottomKey(_ closer: Delimiter) -> Int {
        let kind = closer.byte == ASCII.star ? 0 : closer.byte == ASCII.underscore ? 1 : 2
        return kind * 6 + Int(closer.length % 3) * 2 + (closer.canOpen ? 1 : 0)
    }

    /// The rule of three (which cmark-gfm applies to `~` too).
    private static func canPair(_ opener: Delimiter, _ closer: Delimiter) -> Bool {
        !(closer.canOpen || opener.canClose) || closer.length % 3 == 0
            || (opener.length + closer.length) % 3 != 0
    }

    /// Wraps what lies between `opener` and `closer` in emphasis (one delimiter from each) or strong
    /// emphasis (two); returns the closer to continue with.
    private mutating func makeEmphasis(opener: Int32, closer: Int32) -> Int32 {
        var open = delimiters[Int(opener)]
        var close = delimiters[Int(closer)]
        let used: Int32 = open.remaining >= 2 && close.remaining >= 2 ? 2 : 1
        open.remaining -= used
        let first = Int(open.start + open.remaining)
        let last = Int(close.start + used - 1)
        close.start += used
        close.remaining -= used

        let container = tree.makeNode(used == 2 ? .strong : .emphasis, range: sourceRange(first, last))
        moveSiblings(between: open.node, and: close.node, into: container)
        tree.insert(container, after: open.node)

        // Everything between the two is now inside the container: no longer a candidate.
        open.next = closer
        close.previous = opener
        delimiters[Int(opener)] = open
        delimiters[Int(closer)] = close

        if open.remaining == 0 {
            tree.unlink(open.node)
            removeDelimiter(opener)
        } else {
            tree[open.node].literal = tree[open.node].literal.subspan(from: 0, count: Int(open.remaining))
            tree[range: open.node] = sourceRange(Int(open.start), Int(open.start + open.remaining - 1))
        }
        if close.remaining == 0 {
            tree.unlink(close.node)
            let next = delimiters[Int(closer)].next
            removeDelimiter(closer)
            return next
        }
        tree[close.node].literal = tree[close.node].literal.subspan(from: Int(used), count: Int(close.remaining))
        tree[range: close.node] = sourceRange(Int(close.start), Int(close.start + close.remaining - 1))
        return closer
    }

    /// Wraps what lies between two tilde runs of the same length in a strikethrough; returns the
    /// delimiter after the closer.
    private mutating func makeStrikethrough(opener: Int32, closer: Int32) -> Int32 {
        let open = delimiters[Int(opener)]
        let close = delimiters[Int(closer)]
        let container = tree.makeNode(
            .strikethrough, range: sourceRange(Int(open.start), Int(close.start + close.remaining - 1)))
        moveSiblings(between: open.node, and: close.node, into: container)
        tree.insert(container, after: open.node)
        tree.unlink(open.node)
        tree.unlink(close.node)
        // Drop the opener, the closer and everything between them.
        if open.previous >= 0 { delimiters[Int(open.previous)].next = close.next }
        if close.next >= 0 {
            delimiters[Int(close.next)].previous = open.previous
        } else {
            lastDelimiter = open.previous
        }
        return close.next
    }

    /// Moves the siblings strictly between `first` and `last` to the end of `container`.
    func moveSiblings(between first: NodeIndex, and last: NodeIndex, into container: NodeIndex) {
        var current = tree[first].next
        while current != last, current != SyntaxTree.none {
            let next = tree[current].next
            tree.unlink(current)
            tree.append(current, to: container)
            current = next
        }
    }

    mutating func removeDelimiter(_ index: Int32) {
        let delimiter = delimiters[Int(index)]
        if delimiter.previous >= 0 { delimiters[Int(delimiter.previous)].next = delimiter.next }
        if delimiter.next >= 0 {
            delimiters[Int(delimiter.next)].previous = delimiter.previous
        } else {
            lastDelimiter = delimiter.previous
        }
    }

    /// Forgets every delimiter above `bottom`; their text nodes stay as literal text.
    mutating func dropDelimiters(above bottom: Int32) {
        if delimiters.count > Int(bottom + 1) {
            delimiters.removeSubrange(Int(bottom + 1)...)
        }
        if bottom >= 0 { delimiters[Int(bottom)].next = -1 }
        lastDelimiter = bottom
    }
}
