import HeraldCore

/// Escaping for text placed inside HTML and XML, in element content and quoted attributes alike.
///
/// Every function works on the text's UTF-8 bytes, one table lookup per byte: a feed carries each
/// issue's full body, and a per-character rebuild of a 50 MB body cost seconds.
public enum MarkupEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String {
        rewriting(text, as: ByteTable.escaping)
    }

    /// `<a href="url">text</a>`, both escaped: the one way Swift code writes a link into a page.
    static func link(to url: String, _ text: String) -> String {
        "<a href=\"\(escape(url))\">\(escape(text))</a>"
    }

    /// `text` escaped for an XML feed or sitemap, without the characters XML 1.0 forbids (C0
    /// controls, U+FFFE, U+FFFF) nor the C1 controls and bidi overrides ``ControlCharacters``
    /// names: an issue file carrying one by accident must not make a feed unparsable.
    ///
    /// The one place feed text is escaped: every value an XML feed writes goes through here.
    public static func xml(_ text: String) -> String {
        rewriting(text, as: ByteTable.xml)
    }

    /// `text` without the characters ``xml(_:)`` leaves out.
    static func removingInvalidXMLCharacters(_ text: String) -> String {
        rewriting(text, as: ByteTable.xmlCharacters)
    }

    /// Appends the UTF-8 text `bytes` escaped for XML as ``xml(_:)`` escapes it: for a feed
    /// entry's body, escaped from its bytes as the feed is written, with no string made.
    static func appendXML(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        ByteTable.xml.withUnsafeBufferPointer { table in
            let added = addedLength(of: bytes, table: table) ?? 0
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: bytes.count + added))
            let written = output.withUnsafeMutableBufferPointer { output in
                write(bytes, table: table, into: UnsafeMutableBufferPointer(rebasing: output[start...]))
            }
            output.removeLast(bytes.count + added - written)
        }
    }

    /// `text` with each byte treated as `table` says (``ByteTable``), or `text` itself when no
    /// byte needs anything.
    ///
    /// One pass over the bytes sums what the references add, a second writes the result
    /// straight into the string's storage; only a byte that can start a character XML forbids
    /// (an ASCII control, or the lead byte of C1 controls, of U+2028–U+2069 and of U+FFFE and
    /// U+FFFF) has its character decoded. A feed carries each issue's whole body, tags and all,
    /// and a table lookup per byte is what keeps escaping a 50 MB body to a fraction of a second.
    private static func rewriting(_ text: String, as table: [UInt8]) -> String {
        var text = text
        let rewritten = table.withUnsafeBufferPointer { table in
            text.withUTF8 { bytes -> String? in
                guard let added = addedLength(of: bytes, table: table) else { return nil }
                return String(unsafeUninitializedCapacity: bytes.count + added) { output in
                    write(bytes, table: table, into: output)
                }
            }
        }
        return rewritten ?? text
    }

    /// What the references `table` asks for add to `bytes`' length, or `nil` when no byte needs
    /// anything.
    private static func addedLength(of bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> Int? {
        var added = 0
        var seen: UInt8 = 0
        for byte in bytes {
            let entry = table[Int(byte)]
            added &+= Int(entry & ByteTable.addedBytes)
            seen |= entry
        }
        return seen == 0 ? nil : added
    }

    /// Writes `bytes` treated as `table` says into `output`, which has room for them and what
    /// their references add; returns how many bytes it wrote.
    private static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var written = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let entry = table[Int(byte)]
            if entry == 0 {
                output[written] = byte
                written += 1
                index += 1
            } else if entry & ByteTable.mayBeForbidden == 0 {
                let reference = reference(for: byte)
                for offset in 0..<reference.utf8CodeUnitCount {
                    output[written + offset] = reference.utf8Start[offset]
                }
                written += reference.utf8CodeUnitCount
                index += 1
            } else {
                let (scalar, length) = decode(bytes, at: index)
                if !isInvalidInXML(scalar) {
                    for offset in 0..<length { output[written + offset] = bytes[index + offset] }
                    written += length
                }
                index += length
            }
        }
        return written
    }

    fileprivate static func reference(for byte: UInt8) -> StaticString {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        default: "&#39;"
        }
    }

    /// The character starting at `index` of valid UTF-8 whose lead byte is ASCII, 0xC2, 0xE2
    /// or 0xEF, and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 {
            let value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
        }
        let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
    }

    private static func isInvalidInXML(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\r" { return false }
        return ControlCharacters.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

/// What each byte asks of ``MarkupEscaping``: the low bits are the bytes its character reference
/// adds (`&` becomes `&amp;`, four more), the high bit marks a byte that can start a character
/// XML forbids; 0 copies the byte as it is.
private enum ByteTable {
    static let addedBytes: UInt8 = 0x7F
    static let mayBeForbidden: UInt8 = 0x80

    static let escaping = make(escaping: true, forbidding: false)
    static let xml = make(escaping: true, forbidding: true)
    static let xmlCharacters = make(escaping: false, forbidding: true)

    private static func make(escaping: Bool, forbidding: Bool) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 256)
        if escaping {
            for byte: UInt8 in [0x26, 0x3C, 0x3E, 0x22, 0x27] {
                table[Int(byte)] = UInt8(MarkupEscaping.reference(for: byte).utf8CodeUnitCount - 1)
            }
        }
        if forbidding {
            // Tab, line feed and carriage return are the controls XML allows.
            for byte in [0..<0x09, 0x0B..<0x0D, 0x0E..<0x20].joined() { table[byte] = mayBeForbidden }
            for byte in [0x7F, 0xC2, 0xE2, 0xEF] { table[byte] = mayBeForbidden }
        }
        return table
    }
}
