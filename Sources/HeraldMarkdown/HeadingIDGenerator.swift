/// Makes heading ids by a ``HeadingIDStyle`` (GitHub's by default), unique within one document,
/// so links to a heading keep working.
public struct HeadingIDGenerator: Sendable {
    private let style: HeadingIDStyle
    private var used: Set<[UInt8]> = []
    /// For each first candidate, where its search for an unused id resumes: every candidate
    /// before that was taken when last searched, and ids are never freed. Without it the n-th
    /// heading of the same text tried n candidates, quadratic in a big issue's repeated headings.
    private var resume: [[UInt8]: Resume] = [:]

    /// How many candidate ids were looked up: the work, counted so tests can hold it linear.
    package private(set) var candidatesTried = 0

    private enum Resume: Sendable {
        case counter(Int)
        case candidate([UInt8])
    }

    public init(style: HeadingIDStyle = .github) {
        self.style = style
    }

    /// The id for a heading whose plain text is `text`, unique among the ids this generator made.
    public mutating func makeID(for text: String) -> String {
        String(decoding: makeID(for: Array(text.utf8)), as: UTF8.self)
    }

    /// Marks `id` as used without making it: a heading's own `{#id}`, which a made id must not repeat.
    mutating func reserve(_ id: some Collection<UInt8>) {
        used.insert(Array(id))
    }

    mutating func makeID(for text: [UInt8]) -> [UInt8] {
        switch style.rule {
        case .github:
            return makeGitHubID(for: text)
        case .pythonMarkdown:
            return makePythonMarkdownID(for: text)
        }
    }

    /// GitHub numbers repeats from the base: `rust`, `rust-1`, `rust-2`.
    private mutating func makeGitHubID(for text: [UInt8]) -> [UInt8] {
        let base = HeadingIDGenerator.slug(text)
        var counter = 0
        if case .counter(let next) = resume[base] { counter = next }
        var candidate = HeadingIDGenerator.numbered(base, counter)
        candidatesTried += 1
        while used.contains(candidate) {
            candidatesTried += 1
            counter += 1
            candidate = HeadingIDGenerator.numbered(base, counter)
        }
        used.insert(candidate)
        resume[base] = .counter(counter + 1)
        return candidate
    }

    /// Python-Markdown's `unique`: while an id is taken (or empty), a trailing `_N` becomes `_N+1`
    /// and an id without one gets `_1`, so a heading `Rust_1` after two `Rust`s becomes `rust_2`.
    private mutating func makePythonMarkdownID(for text: [UInt8]) -> [UInt8] {
        let first = HeadingIDGenerator.pythonMarkdownSlug(text)
        var candidate = first
        if case .candidate(let next) = resume[first] { candidate = next }
        candidatesTried += 1
        while candidate.isEmpty || used.contains(candidate) {
            candidatesTried += 1
            candidate = HeadingIDGenerator.pythonMarkdownSuccessor(of: candidate)
        }
        used.insert(candidate)
        resume[first] = .candidate(HeadingIDGenerator.pythonMarkdownSuccessor(of: candidate))
        return candidate
    }

    /// `base` for 0, else `base-counter`.
    private static func numbered(_ base: [UInt8], _ counter: Int) -> [UInt8] {
        counter == 0 ? base : base + [ASCII.dash] + Array(String(counter).utf8)
    }

    /// The candidate Python-Markdown tries after `candidate`: `stem_N` becomes `stem_N+1`, and
    /// anything else gets `_1`.
    private static func pythonMarkdownSuccessor(of candidate: [UInt8]) -> [UInt8] {
        if let (stem, number) = numberedSuffix(of: candidate) {
            return stem + [ASCII.underscore] + Array(String(number + 1).utf8)
        }
        return candidate + [ASCII.underscore, UInt8(ascii: "1")]
    }

    /// `stem_N` split at its last underscore when only digits follow it (and they fit an `Int`).
    private static func numberedSuffix(of id: [UInt8]) -> ([UInt8], Int)? {
        guard let underscore = id.lastIndex(of: ASCII.underscore), underscore + 1 < id.count else { return nil }
        let digits = id[(underscore + 1)...]
        guard digits.allSatisfy(ASCII.isDigit), let number = Int(String(decoding: digits, as: UTF8.self)),
            number < Int.max
        else { return nil }
        return (Array(id[..<underscore]), number)
    }

    static func slug(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        if text.allSatisfy({ $0 < 0x80 }) {
            for byte in text {
                if ASCII.isAlphanumeric(byte) || byte == ASCII.dash || byte == ASCII.underscore {
                    result.append(ASCII.lowercased(byte))
                } else if byte == ASCII.space {
                    result.append(ASCII.dash)
                }
            }
            return result
        }
        for scalar in String(decoding: text, as: UTF8.self).lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "-" || scalar == "_"
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
                || properties.generalCategory == .enclosingMark || properties.generalCategory == .connectorPunctuation
            {
                result.append(contentsOf: String(scalar).utf8)
            } else if scalar == " " {
                result.append(ASCII.dash)
            }
        }
        return result
    }

    /// Python-Markdown's `slugify`: fold to ASCII, keep word characters, whitespace and `-`, trim the
    /// whitespace at both ends, lowercase, and make each run of whitespace and `-` one `-`.
    static func pythonMarkdownSlug(_ text: [UInt8]) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.count)
        ASCIIFolding.fold(text, into: &folded)
        let kept = folded.filter {
            ASCII.isAlphanumeric($0) || $0 == ASCII.underscore || $0 == ASCII.dash || isSpace($0)
        }
        guard let first = kept.firstIndex(where: { !isSpace($0) }), let last = kept.lastIndex(where: { !isSpace($0) })
        else { return [] }
        var result: [UInt8] = []
        result.reserveCapacity(last - first + 1)
        var inRun = false
        for byte in kept[first...last] {
            if byte == ASCII.dash || isSpace(byte) {
                if !inRun { result.append(ASCII.dash) }
                inRun = true
            } else {
                result.append(ASCII.lowercased(byte))
                inRun = false
            }
        }
        return result
    }

    /// Python's `str.isspace` among ASCII: space, tab, line feed, vertical tab, form feed, carriage
    /// return and the four separators 0x1C–0x1F.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
    }
}
