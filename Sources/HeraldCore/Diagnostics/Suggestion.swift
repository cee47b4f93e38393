/// Picks the likely intended word for a misspelt one ("sectoins" → "sections"), so that an
/// error can say what to write instead of only what was wrong.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo:
    /// at most one edit for short words, a third of the word's length for longer ones.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let word = word.lowercased()
        let length = word.count
        let limit = max(1, min(3, length / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: most candidates are ruled out
            // without the table (every unknown heading of an archive is matched against every
            // section name).
            let lowered = candidate.lowercased()
            guard abs(lowered.count - length) <= limit else { continue }
            let distance = editDistance(word, lowered)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Insertions, deletions, substitutions and swaps of neighbours needed to turn `a` into `b`.
    ///
    /// On bytes when both are ASCII without a carriage return (each byte is then one `Character`),
    /// as headings nearly always are: the table over `Character`s, each compared as a grapheme,
    /// was a hundredth of checking an archive, whose every unknown heading is matched against
    /// every section name.
    static func editDistance(_ a: String, _ b: String) -> Int {
        if let a = singleByteCharacters(a), let b = singleByteCharacters(b) { return editDistance(a, b) }
        return editDistance(Array(a), Array(b))
    }

    /// `text`'s bytes when each is a `Character` of its own.
    private static func singleByteCharacters(_ text: String) -> [UInt8]? {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } ? Array(text.utf8) : nil
    }

    private static func editDistance<Unit: Equatable>(_ a: [Unit], _ b: [Unit]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            // The rows rotate: the oldest one's room becomes the next row's.
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
