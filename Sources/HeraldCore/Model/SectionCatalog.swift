/// Maps section headings to section kinds, so that Herald knows how to read each section.
///
/// Newsletters rename their sections over the years ("New RFC's", "New RFCs", "New and Updated
/// RFCs"), so a kind has several names. Headings are compared after normalisation: case,
/// apostrophes, punctuation and `&`/"and" do not matter, and a heading that starts with a name
/// ("Call for Participation; projects and speakers") matches it; the longest matching name wins.
/// A heading that matches nothing is unknown to the catalog; the issue builder then gives it the
/// kind of its parent section, or ``SectionKind/generic`` at the top level.
public struct SectionCatalog: Hashable, Sendable {
    /// The names that identify one kind of section.
    public struct Rule: Hashable, Sendable {
        public var kind: SectionKind
        public var names: [String]

        public init(kind: SectionKind, names: [String]) {
            self.kind = kind
            self.names = names
        }
    }

    /// The rules in priority order: when two rules share a name, the first one wins.
    public let rules: [Rule]
    private let kindsByName: [String: SectionKind]
    private let longestName: Int
    /// The longest name's length in bytes, normalised.
    private let longestNameBytes: Int
    /// The first word of every name: most headings (a link section's categories) start with
    /// none, and are unknown after one lookup.
    private let firstWords: Set<String>

    public init(rules: [Rule]) {
        self.rules = rules
        var kindsByName: [String: SectionKind] = [:]
        var longestName = 0
        var longestNameBytes = 0
        var firstWords: Set<String> = []
        for rule in rules {
            for name in rule.names {
                let words = SectionCatalog.words(of: name)
                guard let first = words.first else { continue }
                let key = words.joined(separator: " ")
                if kindsByName[key] == nil { kindsByName[key] = rule.kind }
                longestName = max(longestName, words.count)
                longestNameBytes = max(longestNameBytes, key.utf8.count)
                firstWords.insert(first)
            }
        }
        self.kindsByName = kindsByName
        self.longestName = longestName
        self.longestNameBytes = longestNameBytes
        self.firstWords = firstWords
    }

    public static func == (lhs: SectionCatalog, rhs: SectionCatalog) -> Bool { lhs.rules == rhs.rules }

    public func hash(into hasher: inout Hasher) { hasher.combine(rules) }

    /// The kind a heading names, or `nil` when the catalog does not know the heading.
    public func kind(ofHeading heading: String) -> SectionKind? {
        if let kind = asciiKind(ofHeading: heading) { return kind }
        let words = SectionCatalog.words(of: heading)
        var count = min(words.count, longestName)
        guard count > 0 else { return nil }
        // The longest run of words first, then that run without its last word: one join, and a
        // word's bytes and its space's taken off for each shorter try.
        var name = words[0..<count].joined(separator: " ")
        while true {
            if let kind = kindsByName[name] { return kind }
            count -= 1
            guard count > 0 else { return nil }
            name = String(decoding: name.utf8.dropLast(words[count].utf8.count + 1), as: UTF8.self)
        }
    }

    /// ``kind(ofHeading:)`` for an ASCII heading: the normalised name is made as bytes, with its
    /// words' ends, and each shorter try is a prefix of it (the words as strings, joined, were
    /// most of reading an issue's outline). `.some(nil)` when the catalog does not know the
    /// heading; `nil` for a heading that is not ASCII.
    ///
    /// The name is made in room on the stack, as long as the longest known name (a longer one
    /// names nothing): two arrays grown for every heading and paragraph asked about were a
    /// million allocations in a check of ten archives.
    private func asciiKind(ofHeading heading: String) -> SectionKind?? {
        heading.withUTF8Bytes { heading -> SectionKind?? in
            guard heading.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestNameBytes) { name in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: longestName) { ends in
                    asciiKind(of: heading, name: name, ends: ends)
                }
            }
        }
    }

    /// ``asciiKind(ofHeading:)`` with the room for the name and its words' ends.
    private func asciiKind(
        of heading: UnsafeBufferPointer<UInt8>, name: UnsafeMutableBufferPointer<UInt8>,
        ends: UnsafeMutableBufferPointer<Int>
    ) -> SectionKind? {
        var (length, wordCount, inWord, full) = (0, 0, false, false)
        func finish() {
            if inWord, wordCount < ends.count {
                ends[wordCount] = length
                wordCount += 1
            }
            inWord = false
        }
        /// Appends `byte` to the name, starting a word first, or marks the name full.
        func append(_ byte: UInt8) {
            let space = !inWord && length > 0 ? 1 : 0
            guard !full, length + space < name.count else {
                full = true
                return
            }
            if space == 1 {
                name[length] = UInt8(ascii: " ")
                length += 1
            }
            name[length] = byte
            length += 1
            inWord = true
        }
        for byte in heading where wordCount < ends.count && !full {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte | 0x20)
            case UInt8(ascii: "'"): continue
            case UInt8(ascii: "&"):
                finish()
                guard wordCount < ends.count else { continue }
                for letter in "and".utf8 { append(letter) }
                if !full { finish() }
            default: finish()
            }
        }
        // A word cut off by the full room is no word of a known name.
        if !full { finish() }
        func text(_ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: name[..<end]), as: UTF8.self)
        }
        guard wordCount > 0, firstWords.contains(text(ends[0])) else { return nil }
        for word in (0..<wordCount).reversed() {
            if let kind = kindsByName[text(ends[word])] { return kind }
        }
        return nil
    }

    /// A catalog in which `kind` is known by `names` only, taking precedence over every other
    /// rule; how `herald.toml` renames a section.
    public func naming(_ kind: SectionKind, _ names: [String]) -> SectionCatalog {
        SectionCatalog(rules: [Rule(kind: kind, names: names)] + rules.filter { $0.kind != kind })
    }

    /// Lower-cased alphanumeric words, with apostrophes dropped and `&` read as "and".
    static func words(of text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(of: text) }
        var words: [String] = []
        var word = ""
        func finish() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if character == "&" {
                finish()
                words.append("and")
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// ``words(of:)`` for ASCII text, byte by byte: headings are nearly always ASCII.
    private static func asciiWords(of text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func finish() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            case UInt8(ascii: "'"): continue
            case UInt8(ascii: "&"):
                finish()
                words.append("and")
            default: finish()
            }
        }
        finish()
        return words
    }
}

extension SectionCatalog {
    /// This Week in Rust's section names across its history (2013 to today), from its preset
    /// (`Presets/this-week-in-rust.toml`): the default when a newsletter's `herald.toml` names
    /// no sections.
    public static let twir = SectionCatalog(rules: Preset.thisWeekInRust.sectionRules)
}
