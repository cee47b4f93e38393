/// The info string of a fenced code block (the words after the opening fence).
enum InfoString {
    /// Backslash escapes and character references resolved, as the spec requires.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard raw.contains(ASCII.backslash) || raw.contains(ASCII.ampersand) else { return Array(raw) }
        var result: [UInt8] = []
        LinkSyntax.appendUnescaped(raw, 0..<raw.count, to: &result)
        return result
    }
}
