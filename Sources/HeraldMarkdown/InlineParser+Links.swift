/// Links, images and footnote references: the bracket stack and what a `]` resolves it into
/// (CommonMark 0.31.2 §6.3, §6.4 and GFM footnotes).
extension InlineParser {
    /// An unresolved `[` or `![`.
    struct Bracket {
        /// The text node holding `[` or `![`.
        var node: NodeIndex
        /// Input offset of the `[` or `!`.
        var start: Int
        /// Input offset just past the `[`: where the link text starts.
        var textStart: Int
        /// The top of the delimiter stack when the bracket was pushed: emphasis inside the link
        /// text is processed above it.
        var previousDelimiter: Int32
        var isImage: Bool
        /// Whether another bracket was pushed after this one, in which case the link text holds a
        /// `[` and cannot serve as a reference label.
        var bracketAfter = false
    }

    /// The destination and title of a resolved link, as the bytes to store.
    private enum Target {
        /// Ranges of the input still to be unescaped.
        case inline(destination: Range<Int>, title: Range<Int>?)
        case reference(LinkReferenceMap.Reference)
    }

    mutating func pushBracket(at start: Int, isImage: Bool) {
        let textStart = start + (isImage ? 2 : 1)
        let node = appendTextNode(start..<textStart)
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        if !isImage { openLinkBrackets += 1 }
        brackets.append(
            Bracket(node: node, start: start, textStart: textStart, previousDelimiter: lastDelimiter, isImage: isImage))
    }

    /// Resolves the `]` at `position` against the nearest bracket.
    mutating func handleRightBracket() {
        let close = position
        flushText()
        guard let opener = brackets.last else {
            appendLiteralBracket(at: close)
            return
        }
        // Links may not contain links: once one closes, every `[` below it is spent.
        guard opener.isImage || brackets.count - 1 >= inactiveLinkOpeners else {
            popBracket()
            appendLiteralBracket(at: close)
            return
        }
        if let (target, end) = linkTarget(after: close, opener: opener) {
            makeLink(opener: opener, target: target, end: end)
            return
        }
        if footnotesEnabled, let label = footnoteLabel(opener: opener, close: close) {
            makeFootnoteReference(opener: opener, label: label, close: close)
            return
        }
        popBracket()
        appendLiteralBracket(at: close)
    }

    private mutating func popBracket() {
        if !brackets.removeLast().isImage { openLinkBrackets -= 1 }
        inactiveLinkOpeners = min(inactiveLinkOpeners, brackets.count)
    }

    /// Whether an extended autolink may start here. cmark-gfm allows none inside an open `[`, nor
    /// inside an open `![`, except (a quirk kept for identical output) an `![` that was already open
    /// when a link last closed.
    var allowsExtendedAutolink: Bool {
        openLinkBrackets == 0 && brackets.count <= inactiveLinkOpeners
    }

    private mutating func appendLiteralBracket(at close: Int) {
        appendPending(close..<close + 1)
        position = close + 1
    }

    /// An inline link `(dest "title")` or a full, collapsed or shortcut reference after the `]` at
    /// `close`, with the offset just past it.
    private func linkTarget(after close: Int, opener: Bracket) -> (Target, Int)? {
        let afterClose = close + 1
        if afterClose < bytes.count, bytes[afterClose] == ASCII.leftParen,
            let (target, end) = inlineLinkTail(from: afterClose + 1)
        {
            return (target, end)
        }
        guard !references.isEmpty else { return nil }
        var label: Range<Int>? = nil
        var end = afterClose
        if let scanned = LinkSyntax.label(in: bytes, at: afterClose) {
            end = scanned.end
            if LinkSyntax.hasContent(bytes, scanned.content) {
                label = scanned.content
            } else if !opener.bracketAfter {
                label = opener.textStart..<close
            }
        } else if !opener.bracketAfter {
            label = opener.textStart..<close
        }
        guard let label, label.count <= LinkSyntax.longestLabel,
            let reference = references.reference(for: UnsafeBufferPointer(rebasing: bytes[label]))
        else { return nil }
        return (.reference(reference), end)
    }

    /// The part of an inline link after `(`: whitespace, destination, whitespace and title,
    /// whitespace, `)`.
    private func inlineLinkTail(from start: Int) -> (Target, Int)? {
        let destinationStart = LinkSyntax.skipWhitespace(in: bytes, from: start)
        guard let destination = LinkSyntax.destination(in: bytes, at: destinationStart, allowsEmpty: true) else {
            return nil
        }
        var index = LinkSyntax.skipWhitespace(in: bytes, from: destination.end)
        var title: Range<Int>? = nil
        if index > destination.end, let scanned = LinkSyntax.title(in: bytes, at: index) {
            title = scanned.content
            index = LinkSyntax.skipWhitespace(in: bytes, from: scanned.end)
        }
        guard index < bytes.count, bytes[index] == ASCII.rightParen else { return nil }
        return (.inline(destination: destination.content, title: title), index + 1)
    }

    /// Wraps everything after the opener in a link or image, pairs the emphasis inside, and keeps
    /// links out of links.
    private mutating func makeLink(opener: Bracket, target: Target, end: Int) {
        let node = tree.makeNode(opener.isImage ? .image : .link, range: sourceRange(opener.start, end - 1))
        switch target {
        case .inline(let destination, let title):
            tree[node].literal = unescapedSpan(destination)
            if let title { tree[node].extra = unescapedSpan(title) }
        case .reference(let reference):
            tree[node].literal = tree.store(reference.destination)
            tree[node].extra = tree.store(reference.title)
        }
        moveSiblings(between: opener.node, and: SyntaxTree.none, into: node)
        tree.unlink(opener.node)
        tree.append(node, to: parent)
        processEmphasis(above: opener.previousDelimiter)
        popBracket()
        if !opener.isImage { inactiveLinkOpeners = brackets.count }
        position = end
    }

    /// The label of `[^label]` (at least one byte after the `^`), as cmark-gfm reads it.
    private func footnoteLabel(opener: Bracket, close: Int) -> Range<Int>? {
        let labelStart = opener.textStart + 1
        guard !opener.isImage, labelStart < close, bytes[opener.textStart] == ASCII.caret else { return nil }
        return labelStart..<close
    }

    /// Replaces the opener and everything after it with a footnote reference when the label names
    /// a footnote definition of the document, and otherwise (as cmark-gfm does) with the source
    /// text `[^label]` taken literally.
    private mutating func makeFootnoteReference(opener: Bracket, label: Range<Int>, close: Int) {
        var current = tree[opener.node].next
        while current != SyntaxTree.none {
            let next = tree[current].next
            tree.unlink(current)
            current = next
        }
        tree.unlink(opener.node)
        dropDelimiters(above: opener.previousDelimiter)
        popBracket()
        position = close + 1

        let isDefined =
            label.count <= LinkSyntax.longestLabel
            && footnoteLabels.contains(LinkReferenceMap.normalize(UnsafeBufferPointer(rebasing: bytes[label])))
        let node = tree.makeNode(isDefined ? .footnoteReference : .text, range: sourceRange(opener.start, close))
        tree[node].literal = inputSpan(isDefined ? label : opener.start..<close + 1)
        tree.append(node, to: parent)
    }

    /// A link's destination or title at `range` with its escapes and references resolved: the
    /// input's own bytes when that changes nothing (most addresses), else a copy.
    private mutating func unescapedSpan(_ range: Range<Int>) -> TextSpan {
        // Only a backslash and an ampersand start what resolving changes.
        let written = UnsafeBufferPointer(rebasing: bytes[range])
        guard written.contains(where: { $0 == ASCII.backslash || $0 == ASCII.ampersand }) else {
            return inputSpan(range)
        }
        scratch.removeAll(keepingCapacity: true)
        LinkSyntax.appendUnescaped(bytes, range, to: &scratch)
        return tree.store(scratch)
    }
}
