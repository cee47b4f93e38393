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

    /// The terms of `text` in order, repeats included, stop words included.
    static func terms(in text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiTerms(in: text.utf8)
        }
        return unicodeTerms(in: text)
    }

    /// The distinct terms of `text` that go into the index: stop words left out.
    static func indexTerms(in text: String) -> Set<String> {
        Set(terms(in: text).filter { !stopWords.contains($0) })
    }

    /// ``indexTerms(in:)`` reduced to their stems when `stems` is set (English, see
    /// ``EnglishStemmer``). Stop words are left out before stemming, as the script drops them
    /// from a query before it stems the rest; `cache` keeps each word's stem, as the archive
    /// repeats its words thousands of times.
    static func indexTerms(in text: String, stems: Bool, cache: inout [String: String]) -> Set<String> {
        let terms = indexTerms(in: text)
        guard stems else { return terms }
        return Set(
            terms.map { term in
                if let known = cache[term] { return known }
                let stem = EnglishStemmer.stem(term)
                cache[term] = stem
                return stem
            })
    }

    /// The common case, without Foundation: ASCII letters lowercased, runs of letters and digits.
    private static func asciiTerms(in bytes: String.UTF8View) -> [String] {
        var terms: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            default:
                if !current.isEmpty {
                    terms.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { terms.append(String(decoding: current, as: UTF8.self)) }
        return terms
    }

    private static func unicodeTerms(in text: String) -> [String] {
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
