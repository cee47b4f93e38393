/// Makes heading ids the way GitHub does: lowercase, punctuation other than `-` and `_` dropped,
/// spaces to `-`, and `-1`, `-2`… added to repeats, so links to GitHub-rendered headings keep working.
public struct HeadingIDGenerator: Sendable {
    private var used: Set<[UInt8]> = []

    public init() {}

    /// The id for a heading whose plain text is `text`, unique among the ids this generator made.
    public mutating func makeID(for text: String) -> String {
        String(decoding: makeID(for: Array(text.utf8)), as: UTF8.self)
    }

    mutating func makeID(for text: [UInt8]) -> [UInt8] {
        let base = HeadingIDGenerator.slug(text)
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = base + [ASCII.dash] + Array(String(counter).utf8)
        }
        used.insert(candidate)
        return candidate
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
                || properties.generalCategory == .enclosingMark || properties.generalCategory == .connectorPunctuation {
                result.append(contentsOf: String(scalar).utf8)
            } else if scalar == " " {
                result.append(ASCII.dash)
            }
        }
        return result
    }
}
