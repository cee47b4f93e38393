import HeraldMarkdown

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines (`Character.isWhitespace`).
    package var trimmingWhitespace: String {
        // Entry text is mostly ASCII at both ends: look at bytes, not Unicode properties. An ASCII
        // byte other than whitespace starts a character, and ASCII whitespace bytes are characters
        // of their own (CR LF is one, whitespace too), so trimming ASCII whitespace up to such a
        // byte at each end trims what the characters would. The bytes are read from the text's
        // storage: walked through the UTF-8 view's indices, they cost a thousand instructions a
        // call, a tenth of reading an issue's model. `edges`: the offsets of the first and last
        // bytes that are not ASCII whitespace and whether both are ASCII, `nil` inside when
        // there are none.
        let edges: (first: Int, last: Int, ascii: Bool)? = withUTF8Bytes { bytes in
            guard let first = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }) else { return nil }
            var last = bytes.count - 1
            while ASCII.isWhitespace(bytes[last]) { last -= 1 }
            return (first, last, bytes[first] < 0x80 && bytes[last] < 0x80)
        }
        guard let edges else { return "" }
        guard edges.ascii else { return trimmingWhitespaceCharacters }
        if edges.first == 0, edges.last == utf8.count - 1, let whole = self as? String { return whole }
        let start = utf8.index(startIndex, offsetBy: edges.first)
        return String(self[start..<utf8.index(start, offsetBy: edges.last - edges.first + 1)])
    }

    /// ``trimmingWhitespace`` for text with other characters at its ends: by the characters'
    /// definition.
    private var trimmingWhitespaceCharacters: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// The text without leading separators that join a link to its comment (`. `, `, `, ` – `).
    var trimmingLeadingSeparators: String {
        // ASCII spaces and separators are skipped as bytes when an ASCII byte follows them (that
        // byte starts a character, so none of the skipped ones took a mark); hashing each
        // character into the set was most of reading a link's note.
        let skipped: Int? = withUTF8Bytes { bytes in
            var offset = 0
            while offset < bytes.count, ASCII.isWhitespace(bytes[offset]) || Separators.isLeading(bytes[offset]) {
                offset += 1
            }
            return offset == bytes.count || bytes[offset] < 0x80 ? offset : nil
        }
        if let skipped {
            return self[utf8.index(startIndex, offsetBy: skipped)...].trimmingWhitespace
        }
        guard let first = firstIndex(where: { !$0.isWhitespace && !Separators.leading.contains($0) }) else { return "" }
        return self[first...].trimmingWhitespace
    }

    /// Whether the two texts are the same but for letter case: compared byte by byte when both
    /// are ASCII, with no lower-cased copy made of either (a section's policy was looked up so
    /// for every run of links), else lower-cased.
    package func equalsIgnoringCase(_ other: some StringProtocol) -> Bool {
        let ascii: Bool? = withUTF8Bytes { mine in
            other.withUTF8Bytes { theirs in
                guard mine.allSatisfy({ $0 < 0x80 }), theirs.allSatisfy({ $0 < 0x80 }) else { return nil }
                return mine.count == theirs.count
                    && zip(mine, theirs).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
            }
        }
        return ascii ?? (lowercased() == other.lowercased())
    }

    /// Whether the text contains `word` (lower-case ASCII) in any letter case.
    func containsIgnoringCase(_ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var text = String(self)
        return text.withUTF8 { haystack in
            guard needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count) {
                var index = 0
                while index < needle.count, ASCII.lowercased(haystack[start + index]) == needle[index] { index += 1 }
                if index == needle.count { return true }
            }
            return false
        }
    }

    /// Whether the text starts with `word` (lower-case ASCII) in any letter case, ignoring leading spaces.
    func hasPrefixIgnoringCase(_ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var bytes = utf8.drop(while: ASCII.isWhitespace).makeIterator()
        for expected in needle {
            guard let byte = bytes.next(), ASCII.lowercased(byte) == expected else { return false }
        }
        return true
    }

    /// The parts between occurrences of `separator` (ASCII, such as `|` or ` - `), empty parts
    /// included; a byte scan, as separators in entries are always ASCII.
    func splitting(_ separator: StaticString) -> [Substring] {
        let text = Substring(self)
        let utf8 = text.utf8
        let needle = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        // Each part is cut as the separator is found, on the contiguous bytes: walking the view's
        // indices and comparing a slice at each cost 7,000 instructions a line.
        func parts(in bytes: UnsafeBufferPointer<UInt8>) -> [Substring] {
            var parts: [Substring] = []
            parts.reserveCapacity(4)
            var start = 0
            while let cut = ByteSearch.firstRange(of: needle, in: bytes, from: start) {
                parts.append(
                    text[
                        utf8.index(
                            text.startIndex, offsetBy: start)..<utf8.index(text.startIndex, offsetBy: cut.lowerBound)])
                start = cut.upperBound
            }
            parts.append(text[utf8.index(text.startIndex, offsetBy: start)...])
            return parts
        }
        return withUTF8Bytes(parts(in:))
    }

    /// Whether the text contains the ASCII character `byte`.
    func contains(byte: Character) -> Bool {
        guard let value = byte.asciiValue else { return false }
        return utf8.contains(value)
    }

    /// `nil` when the text is empty after trimming.
    var nonEmpty: String? {
        let trimmed = trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The bracketed tags at the start (`[video] [DE] `) and the text after them.
    var splittingLeadingTags: (tags: [String], rest: String) {
        let trimmed = trimmingWhitespace
        // Text that does not start with `[` has no tags, and is what it was, trimmed.
        guard trimmed.utf8.first == UInt8(ascii: "[") else { return ([], trimmed) }
        var tags: [String] = []
        var rest = Substring(trimmed)
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            let tag = rest[rest.index(after: rest.startIndex)..<close].trimmingWhitespace
            if !tag.isEmpty { tags.append(tag) }
            rest = Substring(rest[rest.index(after: close)...].trimmingWhitespace)
        }
        return (tags, String(rest))
    }
}

enum Separators {
    /// What joins a link to the comment after it.
    static let leading: Set<Character> = [".", ",", ":", ";", "-", "–", "—", "|", "~"]

    /// Whether `byte` is one of ``leading``'s ASCII characters.
    static func isLeading(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "-"),
            UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

extension IssueDate {
    /// The first `YYYY-MM-DD` date in `text` (as in "Closes 2025-04-29 11:59 PM PDT").
    init?(firstIn text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { (48...57).contains(bytes[index]) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
        var index = 0
        while index + 10 <= bytes.count {
            let matches =
                (0..<4).allSatisfy { isDigit(index + $0) } && bytes[index + 4] == 45 && isDigit(index + 5)
                && isDigit(index + 6) && bytes[index + 7] == 45 && isDigit(index + 8) && isDigit(index + 9)
            let bounded = index == 0 || !isDigit(index - 1)
            if matches, bounded,
                let date = IssueDate(
                    year: number(index..<index + 4), month: number(index + 5..<index + 7),
                    day: number(index + 8..<index + 10))
            {
                self = date
                return
            }
            index += 1
        }
        return nil
    }
}
