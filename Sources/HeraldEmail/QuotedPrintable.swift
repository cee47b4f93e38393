/// Quoted-printable (RFC 2045 §6.7): UTF-8 text as 7-bit lines of at most 76 characters.
///
/// Mail servers may refuse or cut lines over 998 octets (RFC 5322 §2.1.1), and an issue's
/// HTML has paragraphs far longer than that; quoted-printable keeps every line short while
/// leaving ASCII text readable in the raw message.
enum QuotedPrintable {
    private static let lineLimit = 76
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `text` encoded, its line breaks written as CRLF and the result ending in one.
    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 11 / 10)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            encodeLine(bytes.last == UInt8(ascii: "\r") ? Array(bytes.dropLast()) : bytes, into: &output)
            if index < lines.count - 1 || !line.isEmpty { output += [0x0D, 0x0A] }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func encodeLine(_ bytes: [UInt8], into output: inout [UInt8]) {
        var length = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && !isLast)
            let piece: [UInt8] =
                literal ? [byte] : [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            // Leave room for the soft break's `=`, unless this piece ends the line.
            let room = isLast ? lineLimit : lineLimit - 1
            if length + piece.count > room {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                length = 0
            }
            output += piece
            length += piece.count
        }
    }
}
