/// Recognises complete HTML open and closing tags (CommonMark §6.6): raw inline HTML, and the
/// start condition of HTML blocks of kind 7. Whitespace inside a tag may include line endings.
enum HTMLTagScanner {
    /// The index just past a complete open tag starting at `start` (its `<`), or `nil`.
    static func openTagEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == ASCII.lessThan, var index = tagNameEnd(in: bytes, from: start + 1)
        else { return nil }
        while true {
            let afterSpace = LinkSyntax.skipWhitespace(in: bytes, from: index)
            guard afterSpace < bytes.count else { return nil }
            switch bytes[afterSpace] {
            case ASCII.greaterThan:
                return afterSpace + 1
            case ASCII.slash:
                let close = afterSpace + 1
                return close < bytes.count && bytes[close] == ASCII.greaterThan ? close + 1 : nil
            default:
                // An attribute must be preceded by whitespace.
                guard afterSpace > index, let attributeEnd = attributeEnd(in: bytes, from: afterSpace) else {
                    return nil
                }
                index = attributeEnd
            }
        }
    }

    /// The index just past a complete closing tag starting at `start` (its `<`), or `nil`.
    static func closingTagEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start + 1 < bytes.count, bytes[start] == ASCII.lessThan, bytes[start + 1] == ASCII.slash,
            let nameEnd = tagNameEnd(in: bytes, from: start + 2)
        else { return nil }
        let index = LinkSyntax.skipWhitespace(in: bytes, from: nameEnd)
        return index < bytes.count && bytes[index] == ASCII.greaterThan ? index + 1 : nil
    }

    /// `[A-Za-z][A-Za-z0-9-]*`
    private static func tagNameEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, ASCII.isLetter(bytes[start]) else { return nil }
        var index = start + 1
        while index < bytes.count, ASCII.isAlphanumeric(bytes[index]) || bytes[index] == ASCII.dash { index += 1 }
        return index
    }

    /// An attribute name `[A-Za-z_:][A-Za-z0-9_.:-]*` with an optional `= value`.
    private static func attributeEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let first = bytes[start]
        guard ASCII.isLetter(first) || first == ASCII.underscore || first == ASCII.colon else { return nil }
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            guard
                ASCII.isAlphanumeric(byte) || byte == ASCII.underscore || byte == ASCII.dot
                    || byte == ASCII.colon || byte == ASCII.dash
            else { break }
            index += 1
        }
        let nameEnd = index
        index = LinkSyntax.skipWhitespace(in: bytes, from: index)
        guard index < bytes.count, bytes[index] == ASCII.equals else { return nameEnd }
        index = LinkSyntax.skipWhitespace(in: bytes, from: index + 1)
        guard index < bytes.count else { return nil }
        let quote = bytes[index]
        if quote == ASCII.quote || quote == ASCII.apostrophe {
            var end = index + 1
            while end < bytes.count, bytes[end] != quote { end += 1 }
            return end < bytes.count ? end + 1 : nil
        }
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if ASCII.isWhitespace(byte) || byte == ASCII.quote || byte == ASCII.apostrophe || byte == ASCII.equals
                || byte == ASCII.lessThan || byte == ASCII.greaterThan || byte == ASCII.backtick
            {
                break
            }
            end += 1
        }
        return end > index ? end : nil
    }
}
