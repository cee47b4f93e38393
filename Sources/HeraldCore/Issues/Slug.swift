import Foundation

/// A URL path segment made from a title by Pelican's rule, so Herald's URLs match the
/// ones a Pelican site already published (`This Week in Rust 533` → `this-week-in-rust-533`).
///
/// Pelican strips HTML tags, normalises to NFKC, transliterates to ASCII, drops every
/// character that is not a letter, digit, `_`, `-` or whitespace, trims, turns each run of
/// `-` and whitespace into one `-`, and lower-cases. Herald transliterates Latin letters with
/// accents and the common ligatures as Pelican's `unidecode` does. Letters, digits and marks of
/// other scripts have no ASCII spelling here and are kept as they are, as Hugo keeps them
/// (`Rust 周报 第1期` → `rust-周报-第1期`): a title in Chinese or Arabic must not slug to nothing.
/// Links percent-encode them.
public struct Slug: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The slug of `title`.
    public init(_ title: String) {
        // Plain ASCII without markup is its own tag-stripped, normalised transliteration (the
        // whitespace runs stripping collapses are one separator below either way), so the
        // Foundation passes are skipped for it: archives slug tens of thousands of names.
        let isPlain = title.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") }
        let text =
            isPlain
            ? title : Slug.asciiTransliteration(of: Slug.strippingTags(title).precomposedStringWithCompatibilityMapping)
        var slug = ""
        // A run of whitespace and '-' between words becomes one '-'. At either end Pelican
        // trims whitespace only, so an edge run survives as '-' exactly when it holds a '-'.
        var runHasSeparator = false
        var runHasDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWord =
                (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || value == 0x5F || Slug.isKeptBeyondASCII(scalar)
            if isWord {
                if slug.isEmpty ? runHasDash : runHasSeparator { slug.append("-") }
                runHasSeparator = false
                runHasDash = false
                slug.unicodeScalars.append(scalar)
            } else if value == 0x2D {
                runHasSeparator = true
                runHasDash = true
            } else if (0x09...0x0D).contains(value) || value == 0x20 {
                runHasSeparator = true
            }
        }
        if runHasDash { slug.append("-") }
        rawValue = slug.lowercased()
    }

    public var description: String { rawValue }

    /// Removes `<tag>` markup and decodes the basic entities, as Markupsafe's `striptags` does.
    static func strippingTags(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                result.append(character)
            }
        }
        let entities = [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
        ]
        for (entity, replacement) in entities {
            result = result.replacingOccurrences(of: entity, with: replacement)
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// ASCII spellings for letters that do not decompose into a base letter and a mark.
    private static let transliterations: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ı": "i",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "--", "\u{2212}": "-",
    ]

    /// Whether a character beyond ASCII stays in a slug: a letter, digit or mark of a script
    /// with no ASCII spelling (Latin letters with accents are spelled in ASCII before this).
    static func isKeptBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    static func asciiTransliteration(of text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else if let spelling = transliterations[scalar] {
                result += spelling
            } else {
                let decomposed = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
                let ascii = decomposed.filter(\.isASCII)
                if ascii.isEmpty, isKeptBeyondASCII(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result.unicodeScalars.append(contentsOf: ascii)
                }
            }
        }
        return result
    }
}
