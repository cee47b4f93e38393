/// The state of one HTML rendering: the output buffer and what the open footnote section needs.
struct HTMLWriter {
    let tree: SyntaxTree
    let options: HTMLRenderOptions
    let filtersTags: Bool
    let output = ByteBuffer()
    /// The last byte of the output already handed on (``takeOutput()``), for `newlineIfNeeded`.
    private var lastTakenByte: UInt8?
    /// Whether the output follows HTML this writer has not seen (a later run of a document written
    /// on several threads, whose earlier runs other writers write at the same time)…
    private var followsUnseenOutput = false
    /// …and a newline was asked for before its first byte: it is due when that HTML does not end
    /// with one (``takeOutput(after:_:)``).
    private var wantsLeadingNewline = false
    var inFootnotes = false
    var headingIDs: HeadingIDGenerator

    init(tree: SyntaxTree, options: HTMLRenderOptions) {
        self.tree = tree
        self.options = options
        self.filtersTags = tree.extensions.contains(.tagFilter)
        // Ids the writer chose (`{#id}`) are taken before any is made, so a generated one never repeats them.
        var headingIDs = HeadingIDGenerator(style: options.headingIDStyle)
        for record in tree.nodes where record.kind == .heading && record.extra.count > 0 {
            tree.withBytes(of: record.extra) { headingIDs.reserve($0) }
        }
        self.headingIDs = headingIDs
    }

    @inline(__always)
    mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// A newline unless the output is empty or already ends with one.
    @inline(__always)
    mutating func newlineIfNeeded() {
        if let last = lastByte {
            if last != ASCII.newline { output.append(ASCII.newline) }
        } else if followsUnseenOutput {
            wantsLeadingNewline = true
        }
    }

    /// The output so far, which is then emptied (keeping its room) for the next piece; `body`
    /// reads it where the writer keeps it.
    mutating func takeOutput(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let last = output.last else { return }
        lastTakenByte = last
        try output.withBytes(body)
        output.removeAll()
    }

    /// The last byte written, handed on or not; `nil` before the first.
    var lastByte: UInt8? { output.last ?? lastTakenByte }

    /// Makes the writer's output follow HTML it does not see, written by another writer at the
    /// same time: a newline asked for before the first byte is left to ``takeOutput(after:_:)``.
    mutating func followUnseenOutput() {
        followsUnseenOutput = true
    }

    /// The output, handed on after `lastByte` (the last byte of the HTML before it, `nil` at the
    /// document's start) with the newline asked for before its first byte if that HTML does not
    /// end with one: what one writer would have written. Moves `lastByte` on.
    mutating func takeOutput(
        after lastByte: inout UInt8?, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        if wantsLeadingNewline, let byte = lastByte, byte != ASCII.newline {
            try withUnsafeBytes(of: ASCII.newline) { try body($0.bindMemory(to: UInt8.self)) }
            lastByte = ASCII.newline
        }
        wantsLeadingNewline = false
        guard output.count > 0 else { return }
        lastByte = output.last
        try takeOutput(body)
    }

    mutating func putNumber(_ number: Int) {
        output.append(contentsOf: String(number).utf8)
    }

    /// Renders `root` and its subtree without recursion, so any depth of nesting is safe.
    mutating func write(_ root: NodeIndex) {
        var node = root
        var entering = true
        while true {
            if entering {
                let descend = enter(node)
                let child = tree[node].firstChild
                if descend && child != SyntaxTree.none {
                    node = child
                    continue
                }
                if descend { exit(node) }
            } else {
                exit(node)
            }
            if node == root { break }
            let next = tree[node].next
            if next != SyntaxTree.none {
                node = next
                entering = true
            } else {
                node = tree[node].parent
                entering = false
            }
        }
        if root == 0 { closeFootnotes() }
    }

    /// Ends the footnotes' section, if one was opened.
    mutating func closeFootnotes() {
        guard inFootnotes else { return }
        put("</ol>\n</section>\n")
        inFootnotes = false
    }

    private func isInTightList(_ paragraph: NodeIndex) -> Bool {
        let parent = tree[paragraph].parent
        guard parent != SyntaxTree.none else { return false }
        let grandparent = tree[parent].parent
        guard grandparent != SyntaxTree.none, tree[grandparent].kind == .list else { return false }
        return tree[grandparent].flags & NodeFlag.tight != 0
    }

    /// Opens a node; returns false when the node wrote its whole subtree itself.
    private mutating func enter(_ node: NodeIndex) -> Bool {
        let record = tree[node]
        switch record.kind {
        case .document:
            break
        case .blockQuote:
            newlineIfNeeded()
            put("<blockquote>\n")
        case .list:
            newlineIfNeeded()
            if record.flags & NodeFlag.ordered != 0 {
                if record.number == 1 {
                    put("<ol>\n")
                } else {
                    put("<ol start=\"")
                    putNumber(Int(record.number))
                    put("\">\n")
                }
            } else {
                put("<ul>\n")
            }
        case .item:
            newlineIfNeeded()
            put("<li>")
            if record.flags & NodeFlag.task != 0 {
                put(
                    record.flags & NodeFlag.checked != 0
                        ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                        : "<input type=\"checkbox\" disabled=\"\" /> ")
            }
        case .heading:
            newlineIfNeeded()
            put("<h")
            putNumber(Int(record.number))
            if record.extra.count > 0 {
                put(" id=\"")
                escapeHTML(record.extra)
                put("\"")
            } else if options.headingIDs {
                put(" id=\"")
                var text: [UInt8] = []
                tree.appendPlainText(of: node, to: &text)
                let id = headingIDs.makeID(for: text)
                id.withUnsafeBufferPointer { escapeHTML($0) }
                put("\"")
            }
            put(">")
        case .codeBlock:
            newlineIfNeeded()
            put("<pre><code")
            let tree = tree
            tree.withBytes(of: record.extra) { info in
                guard !info.isEmpty else { return }
                var end = 0
                while end < info.count && !ASCII.isWhitespace(info[end]) { end += 1 }
                put(" class=\"language-")
                escapeHTML(UnsafeBufferPointer(rebasing: info[..<end]))
                put("\"")
            }
            put(">")
            escapeHTML(record.literal)
            put("</code></pre>\n")
        case .htmlBlock:
            newlineIfNeeded()
            putRawHTML(record.literal)
            newlineIfNeeded()
        case .paragraph:
            if !isInTightList(node) {
                newlineIfNeeded()
                put("<p>")
            }
        case .thematicBreak:
            newlineIfNeeded()
            put("<hr />\n")
        case .table:
            newlineIfNeeded()
            put("<table>\n")
        case .tableRow:
            if record.flags & NodeFlag.header != 0 {
                put("<thead>\n")
            } else if record.previous != SyntaxTree.none && tree[record.previous].flags & NodeFlag.header != 0 {
                put("<tbody>\n")
            }
            put("<tr>\n")
        case .tableCell:
            let header = tree[record.parent].flags & NodeFlag.header != 0
            put(header ? "<th" : "<td")
            switch TableAlignment(rawValue: UInt8(truncatingIfNeeded: record.number)) ?? .none {
            case .left: put(" align=\"left\"")
            case .center: put(" align=\"center\"")
            case .right: put(" align=\"right\"")
            case .none: break
            }
            put(">")
        case .footnoteDefinition:
            if !inFootnotes {
                newlineIfNeeded()
                put("<section class=\"footnotes\" data-footnotes>\n<ol>\n")
                inFootnotes = true
            }
            newlineIfNeeded()
            put("<li id=\"fn-")
            escapeHref(record.literal)
            put("\">\n")
        case .text:
            escapeHTML(record.literal)
        case .softBreak:
            output.append(ASCII.newline)
        case .lineBreak:
            put("<br />\n")
        case .code:
            put("<code>")
            escapeHTML(record.literal)
            put("</code>")
        case .html:
            putRawHTML(record.literal)
        case .emphasis:
            put("<em>")
        case .strong:
            put("<strong>")
        case .strikethrough:
            put("<del>")
        case .link:
            put("<a href=\"")
            escapeHref(record.literal)
            if record.extra.count > 0 {
                put("\" title=\"")
                escapeHTML(record.extra)
            }
            put("\">")
        case .image:
            put("<img src=\"")
            escapeHref(record.literal)
            put("\" alt=\"")
            writeAltText(of: node)
            if record.extra.count > 0 {
                put("\" title=\"")
                escapeHTML(record.extra)
            }
            put("\" />")
            return false
        case .footnoteReference:
            put("<sup class=\"footnote-ref\"><a href=\"#fn-")
            escapeHref(record.literal)
            put("\" id=\"fnref-")
            escapeHref(record.literal)
            if record.marker > 1 {
                put("-")
                putNumber(Int(record.marker))
            }
            put("\" data-footnote-ref>")
            putNumber(Int(record.number))
            put("</a></sup>")
        }
        return true
    }

    private mutating func exit(_ node: NodeIndex) {
        let record = tree[node]
        switch record.kind {
        case .blockQuote:
            newlineIfNeeded()
            put("</blockquote>\n")
        case .list:
            newlineIfNeeded()
            put(record.flags & NodeFlag.ordered != 0 ? "</ol>\n" : "</ul>\n")
        case .item:
            put("</li>\n")
        case .heading:
            put("</h")
            putNumber(Int(record.number))
            put(">\n")
        case .paragraph:
            if isFootnoteBackreferenceHost(node) { writeBackreferences(for: record.parent, leadingSpace: true) }
            if !isInTightList(node) { put("</p>\n") }
        case .table:
            if let last = Optional(record.lastChild), last != SyntaxTree.none, tree[last].flags & NodeFlag.header == 0 {
                put("</tbody>\n")
            }
            put("</table>\n")
        case .tableRow:
            put("</tr>\n")
            if record.flags & NodeFlag.header != 0 { put("</thead>\n") }
        case .tableCell:
            put(tree[record.parent].flags & NodeFlag.header != 0 ? "</th>\n" : "</td>\n")
        case .footnoteDefinition:
            let last = record.lastChild
            if last == SyntaxTree.none || tree[last].kind != .paragraph {
                writeBackreferences(for: node, leadingSpace: false)
                output.append(ASCII.newline)
            }
            put("</li>\n")
        case .emphasis:
            put("</em>")
        case .strong:
            put("</strong>")
        case .strikethrough:
            put("</del>")
        case .link:
            put("</a>")
        default:
            break
        }
    }

    /// Whether `paragraph` is the last block of a footnote definition, where the back links go.
    private func isFootnoteBackreferenceHost(_ paragraph: NodeIndex) -> Bool {
        let parent = tree[paragraph].parent
        return parent != SyntaxTree.none && tree[parent].kind == .footnoteDefinition
            && tree[parent].lastChild == paragraph
    }

    private mutating func writeBackreferences(for definition: NodeIndex, leadingSpace: Bool) {
        let label = tree[definition].literal
        let count = max(Int(tree[definition].marker), 1)
        for reference in 1...count {
            if leadingSpace || reference > 1 { output.append(ASCII.space) }
            put("<a href=\"#fnref-")
            escapeHref(label)
            if reference > 1 {
                put("-")
                putNumber(reference)
            }
            put("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content")
            put("\">↩")
            if reference > 1 {
                put("<sup class=\"footnote-ref\">")
                putNumber(reference)
                put("</sup>")
            }
            put("</a>")
        }
    }

    /// The text of an image's description, without markup, for its `alt` attribute.
    private mutating func writeAltText(of image: NodeIndex) {
        var node = tree[image].firstChild
        guard node != SyntaxTree.none else { return }
        while node != SyntaxTree.none && node != image {
            let record = tree[node]
            switch record.kind {
            case .text, .code, .html:
                escapeHTML(record.literal)
            case .softBreak, .lineBreak:
                output.append(ASCII.space)
            default:
                break
            }
            if record.firstChild != SyntaxTree.none {
                node = record.firstChild
                continue
            }
            var current = node
            while current != image && tree[current].next == SyntaxTree.none { current = tree[current].parent }
            node = current == image ? image : tree[current].next
        }
    }
}
