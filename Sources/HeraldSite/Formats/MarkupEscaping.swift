import HeraldCore

/// Escaping for text placed inside HTML and XML, in element content and quoted attributes alike.
///
/// Both functions work on the text's UTF-8 bytes and copy unchanged runs whole: a feed carries
/// each issue's full body, and a per-character rebuild of a 50 MB body cost seconds.
public enum MarkupEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    ///
    /// One pass counts what the references add, a second writes the result straight into the
    /// string's storage: escaping a body's HTML for a feed replaces every tag's brackets and
    /// quotes, and appending a run and a reference at each of them took a second on 50 MB.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var added = 0
            for byte in bytes where needsEscape(byte) { added += reference(for: byte).utf8CodeUnitCount - 1 }
            guard added > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + added) { output in
                var written = 0
                for byte in bytes {
                    guard needsEscape(byte) else {
                        output[written] = byte
                        written += 1
                        continue
                    }
                    let reference = reference(for: byte)
                    for offset in 0..<reference.utf8CodeUnitCount {
                        output[written + offset] = reference.utf8Start[offset]
                    }
                    written += reference.utf8CodeUnitCount
                }
                return written
            }
        } ?? text
    }

    /// `<a href="url">text</a>`, both escaped: the one way Swift code writes a link into a page.
    static func link(to url: String, _ text: String) -> String {
        "<a href=\"\(escape(url))\">\(escape(text))</a>"
    }

    /// Whether `byte` is `"`, `&`, `'`, `<` or `>`: one bit each in a mask of the bytes below 64.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 64 && (escapedBytes >> UInt64(byte)) & 1 != 0
    }

    private static var escapedBytes: UInt64 { 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E }

    @inline(__always)
    private static func reference(for byte: UInt8) -> StaticString {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        default: "&#39;"
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
