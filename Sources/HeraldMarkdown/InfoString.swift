/// The info string of a fenced code block (the words after the opening fence).
enum InfoString {
    /// Backslash escapes and character references resolved, as the spec requires.
    static func decode(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        guard raw.contains(ASCII.backslash) || raw.contains(ASCII.ampersand) else { return Array(raw) }
        var result: [UInt8] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == ASCII.backslash, index + 1 < raw.endIndex, ASCII.isPunctuation(raw[index + 1]) {
                result.append(raw[index + 1])
                index += 2
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}
