import HeraldCore

/// Escaping for text placed inside HTML and XML, in element content and quoted attributes alike.
public enum MarkupEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` escaped for an XML feed or sitemap, without the characters XML 1.0 forbids (C0
    /// controls, U+FFFE, U+FFFF) nor the C1 controls and bidi overrides ``ControlCharacters``
    /// names: an issue file carrying one by accident must not make a feed unparsable.
    ///
    /// The one place feed text is escaped: every value an XML feed writes goes through here.
    public static func xml(_ text: String) -> String {
        escape(removingInvalidXMLCharacters(text))
    }

    static func removingInvalidXMLCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isInvalidInXML) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { !isInvalidInXML($0) })
        return String(result)
    }

    private static func isInvalidInXML(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\r" { return false }
        return ControlCharacters.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
