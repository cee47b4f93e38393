import Foundation

/// How text becomes search terms, the same way in the index builder and in the search page's
/// script (`theme/search.js`), so that what a reader types finds what an editor wrote.
///
/// Text is lowercased, decomposed (NFD) and stripped of combining marks, so `Kraków` and
/// `krakow` are one term; the final sigma becomes `σ`, as Swift and JavaScript lowercase it
/// differently. A term is a run of letters, digits and spacing marks: `rust-analyzer` is two.
/// A Chinese character or a kana is a term of its own, since Chinese and Japanese put no spaces
/// between words: `杭州` is found inside `在杭州举行`, the script asking for its characters in a
/// row. The script applies the same steps with `toLowerCase`, `normalize("NFD")` and Unicode
/// property escapes.
enum SearchText {
    /// Words too common to narrow a search; they are left out of the index, and the script drops
    /// them from queries (the index's root file lists them, so the two never disagree).
    static let stopWords: Set<String> = [
        "a", "about", "all", "also", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "don",
        "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "ll", "more", "my", "not",
        "of",
        "on", "or", "our", "s", "so", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "to", "ve", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you",
        "your",
    ]

    /// Calls `body` with the bytes of each term of the UTF-8 text `bytes`, in order, repeats and stop words
    /// included; `scratch` holds a term while `body` reads it.
    ///
    /// An ASCII character other than a letter or digit ends a word in any text, and none of the
    /// folding steps looks across one (lowercasing maps each character alone, and decomposition
    /// reorders only the marks after a letter). So the text is split there first: a run of ASCII
    /// letters and digits, by far the most common, is lowercased byte by byte, and only a run
    /// with another character in it is folded as Unicode text, with the same terms as folding the
    /// whole text would give.
    ///
    /// `folded` keeps the terms of each run beyond ASCII it folded: an archive repeats them (a
    /// place's name, the `·` between an event's date and place), and folding is the costly step.
    static func forEachTerm(
        in bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8], folded: inout FoldedRuns,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var index = 0
        while index < bytes.count {
            guard !endsWord(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            var isASCII = true
            while index < bytes.count, !endsWord(bytes[index]) {
                if bytes[index] >= 0x80 { isASCII = false }
                index += 1
            }
            if isASCII {
                scratch.removeAll(keepingCapacity: true)
                for byte in bytes[start..<index] {
                    scratch.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                }
                scratch.withUnsafeBufferPointer(body)
            } else {
                for var term in folded.terms(of: UnsafeBufferPointer(rebasing: bytes[start..<index])) {
                    term.withUTF8(body)
                }
            }
        }
    }

    /// The terms of runs of text beyond ASCII, by the run's bytes, each run folded once.
    struct FoldedRuns {
        private var runs = TermBytesTable()
        private var terms: [[String]] = []

        init() {}

        /// ``unicodeTerms(in:)`` of the run `bytes`.
        mutating func terms(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
            let number = Int(runs.number(of: bytes, hash: TermBytesTable.hash(of: bytes)))
            if number < terms.count { return terms[number] }
            let found = unicodeTerms(in: String(decoding: bytes, as: UTF8.self))
            terms.append(found)
            return found
        }
    }

    /// An ASCII byte that is not a letter or digit.
    private static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
            false
        default: true
        }
    }

    /// The terms of `text` folded as a whole, for text with characters beyond ASCII.
    static func unicodeTerms(in text: String) -> [String] {
        let folded = fold(text)
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar), standsAlone(scalar) {
                if !current.isEmpty { terms.append(String(current)) }
                current = String.UnicodeScalarView()
                terms.append(String(scalar))
            } else if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                terms.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(String(current)) }
        return terms
    }

    /// `text` lowercased, decomposed and without combining marks.
    static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var result = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            result.append(scalar == "\u{03C2}" ? "\u{03C3}" : scalar)
        }
        return String(result)
    }

    /// Ideographs and kana, each a term of its own (`[\p{Ideographic}\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]`
    /// in the script). Hangul is written with spaces between words, so it stays in runs.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: true
        default: scalar.properties.isIdeographic
        }
    }

    /// Letters, numbers and spacing marks (`[\p{L}\p{N}\p{Mc}]` in the script).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            true
        default:
            false
        }
    }
}
