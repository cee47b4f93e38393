import HeraldCore

/// Escaping for text placed inside HTML and XML, in element content and quoted attributes alike.
///
/// Both functions work on the text's UTF-8 bytes and copy unchanged runs whole: a feed carries
/// each issue's full body, and a per-character rebuild of a 50 MB body cost seconds.
public enum MarkupEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscape) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 16 + 16)
            var runStart = 0
            for (index, byte) in bytes.enumerated() where needsEscape(byte) {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                result.append(contentsOf: reference(for: byte))
                runStart = index + 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// `<a href="url">text</a>`, both escaped: the one way Swift code writes a link into a page.
    static func link(to url: String, _ text: String) -> String {
        "<a href=\"\(escape(url))\">\(escape(text))</a>"
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func reference(for byte: UInt8) -> String.UTF8View {
        switch byte {
        case 0x26: "&amp;".utf8
        case 0x3C: "&lt;".utf8
        case 0x3E: "&gt;".utf8
        case 0x22: "&quot;".utf8
        default: "&#39;".utf8
        }
    }

    /// `text` escaped for an XML feed or sitemap, without the characters XML 1.0 forbids (C0
    /// controls, U+FFFE, U+FFFF) nor the C1 controls and bidi overrides ``ControlCharacters``
    /// names: an issue file carrying one by accident must not make a feed unparsable.
    ///
    /// The one place feed text is escaped: every value an XML feed writes goes through here.
    public static func xml(_ text: String) -> String {
        escape(removingInvalidXMLCharacters(text))
    }

    /// `text` without the characters ``xml(_:)`` leaves out; the runs between them are copied
    /// whole. Only a byte that can start such a character (an ASCII control, or the lead byte
    /// of C1 controls, of U+2028–U+2069 and of U+FFFE/U+FFFF) has its character decoded.
    static func removingInvalidXMLCharacters(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8]?
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF else {
                    index += 1
                    continue
                }
                let (scalar, length) = decode(bytes, at: index)
                if isInvalidInXML(scalar) {
                    if result == nil {
                        result = []
                        result?.reserveCapacity(bytes.count)
                    }
                    result?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    runStart = index + length
                }
                index += length
            }
            guard var kept = result else { return nil }
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: kept, as: UTF8.self)
        } ?? text
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
