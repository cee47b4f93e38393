/// What a `<` may start: an autolink (CommonMark 0.31.2 §6.5) or raw HTML (§6.6).
extension InlineParser {
    /// Remembered searches for the terminators of comments, processing instructions, CDATA
    /// sections and declarations, so that many unterminated openers cost one scan, not one each.
    struct HTMLSearches {
        var commentEnd = Search()
        var instructionEnd = Search()
        var cdataEnd = Search()
        var declarationEnd = Search()

        /// The first occurrence found at or after `from`, or `-1` for none.
        struct Search {
            var from = -1
            var found = -1
        }
    }

    mutating func handleLessThan() {
        let start = position
        if let end = uriAutolinkEnd(at: start) {
            makeAutolink(content: start + 1..<end - 1, isEmail: false, end: end)
        } else if let end = emailAutolinkEnd(at: start) {
            makeAutolink(content: start + 1..<end - 1, isEmail: true, end: end)
        } else if let end = rawHTMLEnd(at: start) {
            flushText()
            let node = tree.makeNode(.html, range: sourceRange(start, end - 1))
            tree[node].literal = inputSpan(start..<end)
            tree.append(node, to: parent)
            position = end
        } else {
            appendTextRun(from: start + 1, startingWith: start)
        }
    }

    /// Makes a link whose destination and text are the autolink's content (with character
    /// references resolved, as cmark does); an e-mail address gets `mailto:`.
    private mutating func makeAutolink(content: Range<Int>, isEmail: Bool, end: Int) {
        flushText()
        let link = tree.makeNode(.link, range: sourceRange(content.lowerBound - 1, end - 1))
        scratch.removeAll(keepingCapacity: true)
        if isEmail { scratch.append(contentsOf: "mailto:".utf8) }
        let prefix = scratch.count
        let text = tree.makeNode(.text, range: sourceRange(content.lowerBound, content.upperBound - 1))
        if UnsafeBufferPointer(rebasing: bytes[content]).contains(ASCII.ampersand) {
            decodeReferences(content)
            tree[link].literal = tree.store(scratch)
            tree[text].literal = tree.store(scratch[prefix...])
        } else {
            // No reference to resolve: the link and its text read the address as written.
            tree[text].literal = inputSpan(content)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[content]))
            tree[link].literal = isEmail ? tree.store(scratch) : tree[text].literal
        }
        tree.append(text, to: link)
        tree.append(link, to: parent)
        position = end
    }

    /// Appends `bytes[range]` to `scratch` with character references (not backslash escapes) resolved.
    private mutating func decodeReferences(_ range: Range<Int>) {
        let limited = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == ASCII.ampersand,
                let end = HTMLEntities.decode(limited, at: index, appendingTo: &scratch)
            {
                index = end
            } else {
                scratch.append(bytes[index])
                index += 1
            }
        }
    }

    /// `<scheme:...>`: a scheme of 2–32 characters, then no space, control, `<` or `>` up to `>`.
    private func uriAutolinkEnd(at start: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count, ASCII.isLetter(bytes[index]) else { return nil }
        index += 1
        while index < bytes.count, index - start - 1 < 33 {
            let byte = bytes[index]
            guard ASCII.isAlphanumeric(byte) || byte == ASCII.plus || byte == ASCII.dot || byte == ASCII.dash else {
                break
            }
            index += 1
        }
        let schemeLength = index - start - 1
        guard schemeLength >= 2, schemeLength <= 32, index < bytes.count, bytes[index] == ASCII.colon else {
            return nil
        }
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.greaterThan { return index + 1 }
            if byte <= ASCII.space || byte == 0x7F || byte == ASCII.lessThan { return nil }
            index += 1
        }
        return nil
    }

    /// `<local@domain>` with the spec's (HTML's) e-mail address grammar.
    private func emailAutolinkEnd(at start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count, Self.isEmailLocalByte(bytes[index]) { index += 1 }
        guard index > start + 1, index < bytes.count, bytes[index] == UInt8(ascii: "@") else { return nil }
        index += 1
        while true {
            // One label: alphanumeric at both ends, hyphens inside, at most 63 characters.
            let labelStart = index
            while index < bytes.count, ASCII.isAlphanumeric(bytes[index]) || bytes[index] == ASCII.dash {
                index += 1
            }
            let length = index - labelStart
            guard length >= 1, length <= 63, ASCII.isAlphanumeric(bytes[labelStart]),
                ASCII.isAlphanumeric(bytes[index - 1]), index < bytes.count
            else { return nil }
            if bytes[index] == ASCII.greaterThan { return index + 1 }
            guard bytes[index] == ASCII.dot else { return nil }
            index += 1
        }
    }

    private static func isEmailLocalByte(_ byte: UInt8) -> Bool {
        if ASCII.isAlphanumeric(byte) { return true }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"),
            UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    // MARK: Raw HTML

    /// The end of the raw HTML that starts at the `<` at `start`: an open or closing tag, a
    /// comment, a processing instruction, a declaration or a CDATA section.
    private mutating func rawHTMLEnd(at start: Int) -> Int? {
        let next = start + 1
        guard next < bytes.count else { return nil }
        switch bytes[next] {
        case ASCII.slash:
            return HTMLTagScanner.closingTagEnd(in: bytes, from: start)
        case ASCII.bang:
            return markupDeclarationEnd(at: next + 1)
        case UInt8(ascii: "?"):
            let found = Self.find("?>", in: bytes, from: next + 1, memo: &htmlSearches.instructionEnd)
            return found >= 0 ? found + 2 : nil
        default:
            return HTMLTagScanner.openTagEnd(in: bytes, from: start)
        }
    }

    /// After `<!`: a comment, a CDATA section or a declaration.
    private mutating func markupDeclarationEnd(at start: Int) -> Int? {
        if hasPrefix("--", at: start) {
            let body = start + 2
            if hasPrefix(">", at: body) { return body + 1 }
            if hasPrefix("->", at: body) { return body + 2 }
            let found = Self.find("-->", in: bytes, from: body, memo: &htmlSearches.commentEnd)
            return found >= 0 ? found + 3 : nil
        }
        if hasPrefix("[CDATA[", at: start) {
            let found = Self.find("]]>", in: bytes, from: start + 7, memo: &htmlSearches.cdataEnd)
            return found >= 0 ? found + 3 : nil
        }
        guard start < bytes.count, ASCII.isLetter(bytes[start]) else { return nil }
        let found = Self.find(">", in: bytes, from: start + 1, memo: &htmlSearches.declarationEnd)
        return found >= 0 ? found + 1 : nil
    }

    private func hasPrefix(_ prefix: StaticString, at start: Int) -> Bool {
        prefix.withUTF8Buffer { pattern in
            guard start + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
            return true
        }
    }

    /// The first occurrence of `pattern` at or after `start` (`-1` for none), answered from `memo`
    /// when an earlier search already covers it.
    private static func find(
        _ pattern: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        memo: inout HTMLSearches.Search
    ) -> Int {
        if memo.from >= 0, start >= memo.from, memo.found < 0 || memo.found >= start { return memo.found }
        var found = -1
        pattern.withUTF8Buffer { pattern in
            let first = pattern[0]
            var index = start
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var offset = 1
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count {
                        found = index
                        return
                    }
                }
                index += 1
            }
        }
        memo = HTMLSearches.Search(from: start, found: found)
        return found
    }
}
