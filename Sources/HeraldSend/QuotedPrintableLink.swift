/// A link spliced into a quoted-printable body: it starts and ends with a soft line break, so it
/// sits on lines of its own whatever column the marker it replaces stood at, and each of its lines
/// stays within RFC 2045's 76 characters.
enum QuotedPrintableLink {
    static func encode(_ link: String) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "="), 13, 10]
        var column = 0
        for byte in link.utf8 {
            let piece: [UInt8] =
                (33...126).contains(byte) && byte != UInt8(ascii: "=")
                ? [byte] : [UInt8(ascii: "=")] + hex(byte)
            if column + piece.count > 75 {
                bytes += [UInt8(ascii: "="), 13, 10]
                column = 0
            }
            bytes += piece
            column += piece.count
        }
        bytes += [UInt8(ascii: "="), 13, 10]
        return bytes
    }

    private static func hex(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
    }
}
