/// iCalendar's TEXT escapes (RFC 5545 §3.3.11): `\n` or `\N` is a line break, `\,` `\;` and
/// `\\` are the characters themselves.
enum CalendarText {
    /// The text a TEXT value stands for.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
