/// iCalendar's TEXT escapes (RFC 5545 §3.3.11): `\n` or `\N` is a line break, `\,` `\;` and
/// `\\` are the characters themselves.
enum CalendarText {
    /// The text a TEXT value stands for.
    ///
    /// Worked on the UTF-8 bytes, and the value returned as it is when it holds no backslash:
    /// descriptions run to kilobytes, and most titles and places have nothing to unescape.
    static func unescape(_ value: String) -> String {
        let backslash = UInt8(ascii: "\\")
        guard value.utf8.contains(backslash) else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count)
        var escaping = false
        for byte in value.utf8 {
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
}
