/// The pieces of link syntax that inline links and link reference definitions share: labels,
/// destinations and titles (CommonMark 0.31.2 §4.7 and §6.3), scanned over raw bytes.
///
/// Every scanner takes the index to start at and returns where the piece ends, or `nil` when the
/// bytes there are not that piece; none of them allocates.
enum LinkSyntax {
    /// The longest link label, in bytes between the brackets.
    static let longestLabel = 999
    /// How deeply unescaped parentheses may nest in a destination (as cmark limits them).
    static let deepestParentheses = 32

    /// A link label `[...]` starting at the `[` at `start`: no unescaped brackets inside, at most
    /// ``longestLabel`` bytes. `content` is what lies between the brackets, raw; `end` is past `]`.
    /// The caller decides what a label of only whitespace means.
    ///
    /// The bytes between brackets and backslashes are skipped a word at a time: every paragraph
    /// that starts with `[` is first tried as a definition, and a newsletter's list items start
    /// with their link's text.
    static func label(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (content: Range<Int>, end: Int)? {
        guard start < bytes.count, bytes[start] == ASCII.leftBracket else { return nil }
        let end = min(bytes.count, start + 2 + longestLabel)
        let window = UnsafeBufferPointer(rebasing: bytes[..<end])
        var index = start + 1
        while true {
            index = WordScan.firstIndex(
                in: window, from: index,
                wordMayMatch: {
                    WordScan.hasByte(ASCII.rightBracket, in: $0) || WordScan.hasByte(ASCII.leftBracket, in: $0)
                        || WordScan.hasByte(ASCII.backslash, in: $0)
                },
                byteMatches: { $0 == ASCII.rightBracket || $0 == ASCII.leftBracket || $0 == ASCII.backslash })
            guard index < end else { return nil }
            switch bytes[index] {
            case ASCII.rightBracket:
                return (start + 1..<index, index + 1)
            case ASCII.leftBracket:
                return nil
            default:
                index += index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1]) ? 2 : 1
            }
        }
    }

    /// A link destination at `start`: `<...>` (no line ending, no unescaped `<` or `>`), or a run of
    /// non-space, non-control bytes whose unescaped parentheses balance. `content` excludes the angle
    /// brackets. A bare destination may be empty only when `allowsEmpty` (an inline link's `()`).
    static func destination(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, allowsEmpty: Bool
    ) -> (content: Range<Int>, end: Int)? {
        var index = start
        if index < bytes.count, bytes[index] == ASCII.lessThan {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case ASCII.greaterThan:
                    return (start + 1..<index, index + 1)
                case ASCII.newline, ASCII.carriageReturn, ASCII.lessThan:
                    return nil
                case ASCII.backslash:
                    index += index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1]) ? 2 : 1
                default:
                    index += 1
                }
            }
            return nil
        }
        var depth = 0
        scan: while index < bytes.count {
            // Most of an address is letters, digits and `/.:-_?=`, all above `)` and none of them
            // a backslash or DEL: skipped a word at a time, before the cases below.
            index = WordScan.firstIndex(
                in: bytes, from: index,
                wordMayMatch: {
                    WordScan.hasByte(below: ASCII.rightParen + 1, in: $0) || WordScan.hasByte(ASCII.backslash, in: $0)
                        || WordScan.hasByte(0x7F, in: $0)
                },
                byteMatches: { $0 <= ASCII.rightParen || $0 == ASCII.backslash || $0 == 0x7F })
            guard index < bytes.count else { break }
            let byte = bytes[index]
            switch byte {
            case ASCII.backslash:
                index += index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1]) ? 2 : 1
            case ASCII.leftParen:
                depth += 1
                if depth > deepestParentheses { return nil }
                index += 1
            case ASCII.rightParen:
                if depth == 0 { break scan }
                depth -= 1
                index += 1
            default:
                if byte <= ASCII.space || byte == 0x7F { break scan }
                index += 1
            }
        }
        guard depth == 0, allowsEmpty || index > start else { return nil }
        return (start..<index, index)
    }

    /// A link title at `start`: `"..."`, `'...'` or `(...)`, where the closing character (and, for
    /// the parenthesised form, `(`) may appear inside only backslash-escaped. `content` excludes the
    /// delimiters.
    static func title(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (content: Range<Int>, end: Int)? {
        guard start < bytes.count else { return nil }
        let closing: UInt8
        switch bytes[start] {
        case ASCII.quote: closing = ASCII.quote
        case ASCII.apostrophe: closing = ASCII.apostrophe
        case ASCII.leftParen: closing = ASCII.rightParen
        default: return nil
        }
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == closing { return (start + 1..<index, index + 1) }
            if byte == ASCII.backslash, index + 1 < bytes.count, ASCII.isPunctuation(bytes[index + 1]) {
                index += 2
                continue
            }
            if closing == ASCII.rightParen, byte == ASCII.leftParen { return nil }
            index += 1
        }
        return nil
    }

    /// Skips spaces, tabs and line endings (the separators inside an inline link's parentheses).
    static func skipWhitespace(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    /// Skips spaces and tabs, at most one line ending, then spaces and tabs again.
    static func skipSpacesAndOneNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = skipSpaces(in: bytes, from: start)
        if index < bytes.count, bytes[index] == ASCII.newline {
            index = skipSpaces(in: bytes, from: index + 1)
        }
        return index
    }

    /// Skips spaces and tabs.
    static func skipSpaces(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, ASCII.isSpaceOrTab(bytes[index]) { index += 1 }
        return index
    }

    /// Appends `bytes[range]` with backslash escapes and character references resolved: how a
    /// destination or title becomes the value a renderer writes.
    static func appendUnescaped(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]
    ) {
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ASCII.backslash, index + 1 < range.upperBound, ASCII.isPunctuation(bytes[index + 1]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(bytes[index + 1])
                index += 2
                runStart = index
            } else if byte == ASCII.ampersand {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                let limited = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
                if let end = HTMLEntities.decode(limited, at: index, appendingTo: &output) {
                    index = end
                } else {
                    output.append(byte)
                    index += 1
                }
                runStart = index
            } else {
                index += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<range.upperBound]))
    }

    /// Whether a label holds something besides whitespace.
    static func hasContent(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.contains { !ASCII.isWhitespace(bytes[$0]) }
    }
}
