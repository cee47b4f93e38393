import HeraldCore

/// Text taken out of HTML (a `<title>`, an attribute value) turned into what a reader sees:
/// character references decoded, control and bidi characters removed (a page must not put
/// escape sequences into a draft or onto a terminal), runs of whitespace collapsed, the ends
/// trimmed.
///
/// Page titles arrive as `Ferris &amp; friends&#x2019; week` and must go into a Markdown entry
/// as `Ferris & friends’ week`, so the decoding is part of taking a title, not of fetching.
enum HTMLText {
    /// `raw` decoded, cleaned of ``ControlCharacters``, and with its whitespace normalised.
    static func plain(_ raw: some StringProtocol) -> String {
        collapsingWhitespace(ControlCharacters.removed(from: decodingReferences(in: raw)))
    }

    /// Character references (`&amp;`, `&#39;`, `&#x2019;`) replaced by their characters; an
    /// unknown name or a malformed reference is kept as written.
    static func decodingReferences(in raw: some StringProtocol) -> String {
        var result = ""
        var rest = Substring(raw)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let candidate = rest[afterAmpersand...].prefix(32)
            if let semicolon = candidate.firstIndex(of: ";"),
                let decoded = character(forReference: rest[afterAmpersand..<semicolon])
            {
                result.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }

    /// Whitespace runs (newlines and no-break spaces included) as one space, ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func character(forReference name: Substring) -> Character? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return Character(scalar)
        }
        return named[String(name)]
    }

    /// The references page titles actually use; anything rarer is left as written.
    private static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "middot": "·", "bull": "•",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "times": "×", "divide": "÷",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "agrave": "à", "egrave": "è", "ograve": "ò", "ugrave": "ù",
        "auml": "ä", "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü", "szlig": "ß",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "Eacute": "É",
        "ccedil": "ç", "ntilde": "ñ", "atilde": "ã", "otilde": "õ", "acirc": "â", "ecirc": "ê", "ocirc": "ô",
        "rarr": "→", "larr": "←", "hearts": "♥",
    ]
}
