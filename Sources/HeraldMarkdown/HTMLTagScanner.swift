/// Recognises complete HTML open and closing tags (CommonMark §6.6), for HTML blocks of kind 7.
enum HTMLTagScanner {
    /// The index just past a complete open tag starting at `start` (`<`), or `nil`.
    static func openTagEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        let end = bytes.endIndex
        guard start + 1 < end, bytes[start] == ASCII.lessThan else { return nil }
        var index = tagNameEnd(in: bytes, from: start + 1)
        guard index > start + 1 else { return nil }
        while true {
            let beforeSpace = index
            while index < end && ASCII.isWhitespace(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            let byte = bytes[index]
            if byte == ASCII.greaterThan { return index + 1 }
            if byte == ASCII.slash { return index + 1 < end && bytes[index + 1] == ASCII.greaterThan ? index + 2 : nil }
            // An attribute needs whitespace before it.
            guard index > beforeSpace, isAttributeNameStart(byte) else { return nil }
            index += 1
            while index < end && isAttributeNameByte(bytes[index]) { index += 1 }
            var lookahead = index
            while lookahead < end && ASCII.isWhitespace(bytes[lookahead]) { lookahead += 1 }
            if lookahead < end && bytes[lookahead] == ASCII.equals {
                lookahead += 1
                while lookahead < end && ASCII.isWhitespace(bytes[lookahead]) { lookahead += 1 }
                guard let valueEnd = attributeValueEnd(in: bytes, from: lookahead) else { return nil }
                index = valueEnd
            }
        }
    }

    /// The index just past a complete closing tag starting at `start` (`<`), or `nil`.
    static func closingTagEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        let end = bytes.endIndex
        guard start + 2 < end, bytes[start] == ASCII.lessThan, bytes[start + 1] == ASCII.slash else { return nil }
        var index = tagNameEnd(in: bytes, from: start + 2)
        guard index > start + 2 else { return nil }
        while index < end && ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index < end && bytes[index] == ASCII.greaterThan ? index + 1 : nil
    }

    private static func tagNameEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        guard start < bytes.endIndex, ASCII.isLetter(bytes[start]) else { return start }
        var index = start + 1
        while index < bytes.endIndex && (ASCII.isAlphanumeric(bytes[index]) || bytes[index] == ASCII.dash) { index += 1 }
        return index
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || byte == ASCII.underscore || byte == ASCII.colon
    }

    private static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == ASCII.underscore || byte == ASCII.colon || byte == ASCII.dot || byte == ASCII.dash
    }

    private static func attributeValueEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        let end = bytes.endIndex
        guard start < end else { return nil }
        let first = bytes[start]
        if first == ASCII.quote || first == ASCII.apostrophe {
            var index = start + 1
            while index < end && bytes[index] != first { index += 1 }
            return index < end ? index + 1 : nil
        }
        var index = start
        while index < end {
            let byte = bytes[index]
            if ASCII.isWhitespace(byte) || byte == ASCII.quote || byte == ASCII.apostrophe || byte == ASCII.equals
                || byte == ASCII.lessThan || byte == ASCII.greaterThan || byte == ASCII.backtick {
                break
            }
            index += 1
        }
        return index > start ? index : nil
    }
}
