/// The characters text from outside (a fetched page, an issue's header, a configured value)
/// must not carry into a draft, a feed, a mail header or a terminal.
///
/// C0 controls other than tab, DEL and C1 controls (U+0085 among them) break XML 1.0, start
/// new mail headers or drive the terminal; line and paragraph separators break lines where a
/// single line is promised; bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) make text read differently from what it is.
public enum ControlCharacters {
    /// Whether `scalar` is one of the characters this type removes or reports.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first unsafe character of `text`, if any.
    public static func first(in text: some StringProtocol) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isUnsafe)
    }

    /// `text` without its unsafe characters; line breaks become spaces so words stay apart.
    public static func removed(from text: String) -> String {
        guard first(in: text) != nil else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) {
                scalars.append(scalar)
            } else if [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value) {
                scalars.append(" ")
            }
        }
        return String(scalars)
    }

    /// `U+000D`: how a problem names a character the reader cannot see.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
