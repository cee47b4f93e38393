/// iCalendar's TEXT escapes (RFC 5545 §3.3.11): `\n` or `\N` is a line break, `\,` `\;` and
/// `\\` are the characters themselves.
enum CalendarText {
    /// The text a TEXT value stands for.
    ///
    /// Worked on the UTF-8 bytes, and the value returned as it is when it holds no backslash:
    /// descriptions run to kilobytes, and most titles and places have nothing to unescape.
    static func unescape(_ value: String) -> String {
        var value = value
        let unescaped = value.withUTF8 { bytes -> String? in
            let backslash = UInt8(ascii: "\\")
            guard bytes.contains(backslash) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var escaping = false
            for byte in bytes {
                if escaping {
                    result.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? UInt8(ascii: "\n") : byte)
                    escaping = false
                } else if byte == backslash {
                    escaping = true
                } else {
                    result.append(byte)
                }
            }
            if escaping { result.append(backslash) }
            return String(decoding: result, as: UTF8.self)
        }
        return unescaped ?? value
    }
}
