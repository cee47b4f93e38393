/// The seven start conditions of HTML blocks (CommonMark §4.6) and their end conditions.
enum HTMLBlockStart {
    private static let rawTextNames: [[UInt8]] = ["script", "pre", "style", "textarea"].map { Array($0.utf8) }

    private static let blockNames: Set<[UInt8]> = Set(
        [
            "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
            "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
            "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
            "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
            "th", "thead", "title", "tr", "track", "ul",
        ].map { Array($0.utf8) })

    /// The start condition `line` (from its `<`) meets, if any.
    static func kind(of line: UnsafeBufferPointer<UInt8>, canInterruptParagraph inParagraph: Bool) -> Int? {
        let start = line.startIndex
        let end = line.endIndex
        func at(_ index: Int) -> UInt8 { index < end ? line[index] : 0 }
        func hasPrefix(_ text: String, at index: Int) -> Bool {
            var position = index
            for byte in text.utf8 {
                guard position < end, line[position] == byte else { return false }
                position += 1
            }
            return true
        }

        let second = at(start + 1)
        if second == ASCII.bang {
            if hasPrefix("<!--", at: start) { return 2 }
            if hasPrefix("<![CDATA[", at: start) { return 5 }
            if ASCII.isLetter(at(start + 2)) { return 4 }
            return nil
        }
        if second == 0x3F { return 3 }

        let closing = second == ASCII.slash
        let nameStart = start + (closing ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < end && (ASCII.isAlphanumeric(line[nameEnd]) || line[nameEnd] == ASCII.dash) { nameEnd += 1 }
        guard nameEnd > nameStart, ASCII.isLetter(line[nameStart]) else { return nil }
        let name = line[nameStart..<nameEnd].map(ASCII.lowercased)
        let after = at(nameEnd)
        if !closing && rawTextNames.contains(name)
            && (after == 0 || ASCII.isWhitespace(after) || after == ASCII.greaterThan)
        {
            return 1
        }
        if blockNames.contains(name)
            && (after == 0 || ASCII.isWhitespace(after) || after == ASCII.greaterThan
                || (after == ASCII.slash && at(nameEnd + 1) == ASCII.greaterThan))
        {
            return 6
        }
        // Condition 7 excludes the raw-text names only as open tags (those meet condition 1): a closing
        // `</script>` alone on a line starts a block like any other closing tag, as cmark reads it.
        guard !inParagraph, closing || !rawTextNames.contains(name) else { return nil }
        let tagEnd =
            closing ? HTMLTagScanner.closingTagEnd(in: line, from: 0) : HTMLTagScanner.openTagEnd(in: line, from: 0)
        guard var index = tagEnd else { return nil }
        while index < end && ASCII.isWhitespace(line[index]) { index += 1 }
        return index == end ? 7 : nil
    }

    /// Whether `line` meets the end condition of an HTML block that started under condition `kind`.
    static func isEnd(of kind: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case 1:
            return containsClosingRawTextTag(line)
        case 2:
            return contains("-->", in: line)
        case 3:
            return contains("?>", in: line)
        case 4:
            return line.contains(ASCII.greaterThan)
        case 5:
            return contains("]]>", in: line)
        default:
            return false
        }
    }

    private static func contains(_ text: String, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = Array(text.utf8)
        guard line.count >= needle.count else { return false }
        var index = line.startIndex
        while index + needle.count <= line.endIndex {
            if line[index] == needle[0] && line[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    private static func containsClosingRawTextTag(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.startIndex
        while index + 2 < line.endIndex {
            if line[index] == ASCII.lessThan && line[index + 1] == ASCII.slash {
                for name in rawTextNames where index + 2 + name.count < line.endIndex {
                    let candidate = line[(index + 2)..<(index + 2 + name.count)]
                    if candidate.map(ASCII.lowercased) == name && line[index + 2 + name.count] == ASCII.greaterThan {
                        return true
                    }
                }
            }
            index += 1
        }
        return false
    }
}
