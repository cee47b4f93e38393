/// The Porter2 ("Snowball english") stemmer, written for Herald from the algorithm's published
/// description, so that a search for "teaching" finds an entry that says "teaches".
///
/// It works on search terms as ``SearchText`` makes them: lowercase runs of letters and digits,
/// without apostrophes (so the algorithm's apostrophe steps never apply). Only terms of ASCII
/// letters alone are stemmed; anything else (`1`, `tokio2`, `krakow` is fine but `日本語` is not)
/// is left as it is, as the algorithm is defined over English letters. The search page's script
/// carries a port of this type (``DefaultTheme/searchStemmerScript``); a test runs both on the
/// same words, so the two never disagree.
///
/// The word is kept as bytes, with `Y` for a `y` that acts as a consonant; `r1` and `r2` are the
/// offsets where the algorithm's regions R1 and R2 begin.
struct EnglishStemmer {
    private var word: [UInt8]
    private var r1 = 0
    private var r2 = 0

    /// The stem of `term`, or `term` itself when it is not a word of two or more ASCII letters.
    static func stem(_ term: String) -> String {
        let bytes = Array(term.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
            return term
        }
        if bytes.count <= longestException, let exception = exceptions[term] { return exception }
        var stemmer = EnglishStemmer(word: bytes)
        return stemmer.stemmed()
    }

    /// Words the rules would get wrong, with their stems.
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
        "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
        "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    /// The length of the longest of ``exceptions``: a longer word is not looked up.
    private static let longestException = exceptions.keys.map(\.utf8.count).max() ?? 0

    /// Words left as they are once step 1a has run.
    private static let afterStep1a = letters([
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ])

    /// Suffixes and words as bytes: every distinct word of the archive is matched against them,
    /// and comparing with a `String`'s UTF-8 view took half of the stemmer's time.
    private static func letters(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    private init(word: [UInt8]) {
        self.word = word
    }

    private mutating func stemmed() -> String {
        markConsonantYs()
        markRegions()
        step1a()
        if EnglishStemmer.afterStep1a.contains(word) { return String(decoding: word, as: UTF8.self) }
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        for index in word.indices where word[index] == UInt8(ascii: "Y") { word[index] = UInt8(ascii: "y") }
        return String(decoding: word, as: UTF8.self)
    }

    // MARK: Letters and regions

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default:
            false
        }
    }

    private func isVowel(at index: Int) -> Bool { EnglishStemmer.isVowel(word[index]) }

    /// A `y` at the start of the word or after a vowel is a consonant: `Y`.
    private mutating func markConsonantYs() {
        for index in word.indices where word[index] == UInt8(ascii: "y") {
            if index == 0 || isVowel(at: index - 1) { word[index] = UInt8(ascii: "Y") }
        }
    }

    /// R1 begins after the first consonant that follows a vowel (after `gener`, `commun` or
    /// `arsen` for words starting so); R2 is the same rule applied again from R1.
    private mutating func markRegions() {
        if let prefix = EnglishStemmer.regionPrefixes.first(where: { word.starts(with: $0) }) {
            r1 = prefix.count
        } else {
            r1 = regionStart(from: 0)
        }
        r2 = regionStart(from: r1)
    }

    private static let regionPrefixes = letters(["gener", "commun", "arsen"])

    private func regionStart(from start: Int) -> Int {
        var index = start
        while index < word.count, !isVowel(at: index) { index += 1 }
        while index < word.count, isVowel(at: index) { index += 1 }
        return min(index + 1, word.count)
    }

    /// A vowel between consonants, the last not `w`, `x` or `Y`, ending at `end`; or a vowel
    /// and a consonant that are the word's first two letters.
    private func endsInShortSyllable(_ end: Int) -> Bool {
        if end == 2 { return isVowel(at: 0) && !isVowel(at: 1) }
        guard end >= 3 else { return false }
        let last = word[end - 1]
        return !isVowel(at: end - 3) && isVowel(at: end - 2) && !isVowel(at: end - 1)
            && last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "Y")
    }

    private var isShort: Bool { r1 >= word.count && endsInShortSyllable(word.count) }

    // MARK: Suffixes

    /// Whether the word ends with `suffix`, compared from its last letter.
    private func endsWith(_ suffix: [UInt8]) -> Bool {
        let start = word.count - suffix.count
        guard start >= 0 else { return false }
        var index = suffix.count - 1
        while index >= 0 {
            if word[start + index] != suffix[index] { return false }
            index -= 1
        }
        return true
    }

    /// The index in `suffixes` of the longest one the word ends with: each step acts on that one
    /// alone. (Every distinct word of the archive passes through here five times, so it makes
    /// no array.)
    private func longestSuffix(among suffixes: [[UInt8]]) -> Int? {
        var longest: Int?
        for (index, suffix) in suffixes.enumerated()
        where suffix.count > (longest.map { suffixes[$0].count } ?? 0) && endsWith(suffix) {
            longest = index
        }
        return longest
    }

    private mutating func replace(last count: Int, with replacement: [UInt8]) {
        word.removeLast(count)
        word += replacement
    }

    private func containsVowel(before end: Int) -> Bool { word[..<end].contains(where: EnglishStemmer.isVowel) }

    // MARK: Steps

    /// Plurals: `sses` → `ss`, `ied`/`ies` → `i` (or `ie` after one letter), a final `s` dropped
    /// when a vowel comes before the letter preceding it; `us` and `ss` stay.
    private mutating func step1a() {
        guard let suffix = longestSuffix(among: EnglishStemmer.step1aSuffixes) else { return }
        let length = EnglishStemmer.step1aSuffixes[suffix].count
        switch suffix {
        case 0:  // sses
            replace(last: length, with: Array("ss".utf8))
        case 1, 2:  // ied, ies
            replace(last: length, with: Array((word.count - length > 1 ? "i" : "ie").utf8))
        case 3:  // s
            if containsVowel(before: word.count - 2) { word.removeLast() }
        default: break
        }
    }

    /// Step 1a's suffixes; it acts on the first four (`us` and `ss` stay).
    private static let step1aSuffixes = letters(["sses", "ied", "ies", "s", "us", "ss"])

    /// `eed`/`eedly` → `ee` in R1; `ed`, `edly`, `ing`, `ingly` dropped after a vowel, then the
    /// stem tidied: `at`, `bl`, `iz` gain an `e`, a double consonant loses one, a short word
    /// gains an `e`.
    private mutating func step1b() {
        guard let suffix = longestSuffix(among: EnglishStemmer.step1bSuffixes) else { return }
        let length = EnglishStemmer.step1bSuffixes[suffix].count
        let start = word.count - length
        // `eed` and `eedly` are the first two.
        if suffix < 2 {
            if start >= r1 { replace(last: length, with: Array("ee".utf8)) }
            return
        }
        guard containsVowel(before: start) else { return }
        word.removeLast(length)
        if EnglishStemmer.gainingE.contains(where: endsWith) {
            word.append(UInt8(ascii: "e"))
        } else if endsInDouble {
            word.removeLast()
        } else if isShort {
            word.append(UInt8(ascii: "e"))
        }
    }

    private static let step1bSuffixes = letters(["eed", "eedly", "ed", "edly", "ing", "ingly"])
    /// Endings that gain an `e` once step 1b has dropped its suffix.
    private static let gainingE = letters(["at", "bl", "iz"])

    /// Whether the word ends in one of `bb`, `dd`, `ff`, `gg`, `mm`, `nn`, `pp`, `rr`, `tt`.
    private var endsInDouble: Bool {
        guard word.count >= 2, word[word.count - 1] == word[word.count - 2] else { return false }
        return "bdfgmnprt".utf8.contains(word[word.count - 1])
    }

    /// A final `y` after a consonant that is not the first letter becomes `i`: `cry` → `cri`.
    private mutating func step1c() {
        guard let last = word.last, last == UInt8(ascii: "y") || last == UInt8(ascii: "Y"), word.count > 2,
            !isVowel(at: word.count - 2)
        else { return }
        word[word.count - 1] = UInt8(ascii: "i")
    }

    /// Step 2's suffixes and what each becomes.
    private static let step2Replacements: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"), ("izer", "ize"),
        ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
        ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"),
        ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"),
        ("li", ""),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    private static let step2Suffixes = step2Replacements.map(\.suffix)
    /// The suffixes a step treats apart from the others.
    private static let ogiSuffix = Array("ogi".utf8)
    private static let liSuffix = Array("li".utf8)
    private static let ativeSuffix = Array("ative".utf8)
    private static let ionSuffix = Array("ion".utf8)

    /// Derivational suffixes in R1 made shorter (`ization` → `ize`, `ousli` → `ous`); `ogi`
    /// only after `l`, `li` only after one of `cdeghkmnrt`.
    private mutating func step2() {
        guard let index = longestSuffix(among: EnglishStemmer.step2Suffixes) else { return }
        let (suffix, replacement) = EnglishStemmer.step2Replacements[index]
        let start = word.count - suffix.count
        guard start >= r1 else { return }
        if suffix == EnglishStemmer.ogiSuffix, start == 0 || word[start - 1] != UInt8(ascii: "l") { return }
        if suffix == EnglishStemmer.liSuffix, start == 0 || !"cdeghkmnrt".utf8.contains(word[start - 1]) { return }
        replace(last: suffix.count, with: replacement)
    }

    /// Step 3's suffixes and what each becomes.
    private static let step3Replacements: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""), ("ative", ""),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    private static let step3Suffixes = step3Replacements.map(\.suffix)

    /// More suffixes in R1 (`icate` → `ic`, `ness` dropped); `ative` only in R2.
    private mutating func step3() {
        guard let index = longestSuffix(among: EnglishStemmer.step3Suffixes) else { return }
        let (suffix, replacement) = EnglishStemmer.step3Replacements[index]
        let start = word.count - suffix.count
        guard start >= r1, suffix != EnglishStemmer.ativeSuffix || start >= r2 else { return }
        replace(last: suffix.count, with: replacement)
    }

    private static let step4Suffixes = letters([
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ])

    /// Suffixes in R2 dropped; `ion` only after `s` or `t`.
    private mutating func step4() {
        guard let index = longestSuffix(among: EnglishStemmer.step4Suffixes) else { return }
        let suffix = EnglishStemmer.step4Suffixes[index]
        let start = word.count - suffix.count
        guard start >= r2 else { return }
        if suffix == EnglishStemmer.ionSuffix, start == 0 || !"st".utf8.contains(word[start - 1]) { return }
        word.removeLast(suffix.count)
    }

    /// A final `e` dropped in R2, or in R1 when no short syllable precedes it; a final `l`
    /// dropped in R2 after another `l`.
    private mutating func step5() {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == UInt8(ascii: "e") {
            if start >= r2 || (start >= r1 && !endsInShortSyllable(start)) { word.removeLast() }
        } else if last == UInt8(ascii: "l"), start >= r2, start > 0, word[start - 1] == UInt8(ascii: "l") {
            word.removeLast()
        }
    }
}
