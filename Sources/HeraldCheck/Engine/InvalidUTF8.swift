import HeraldMarkdown

/// One ill-formed UTF-8 sequence in a file: where it is and its bytes.
struct InvalidUTF8: Hashable {
    let offset: Int
    let location: SourceLocation
    let bytes: [UInt8]

    /// Every maximal ill-formed subsequence of `data`, as Unicode defines them (so each is
    /// one U+FFFD when the text is read).
    static func find(in data: [UInt8]) -> [InvalidUTF8] {
        var found: [InvalidUTF8] = []
        var offset = 0
        var line = 1
        var lineStart = 0
        while offset < data.count {
            let byte = data[offset]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += 1
                continue
            }
            let valid = validLength(at: offset, in: data)
            if valid.isComplete {
                offset += valid.length
                continue
            }
            let length = max(valid.length, 1)
            found.append(
                InvalidUTF8(
                    offset: offset, location: SourceLocation(line: line, column: offset - lineStart + 1),
                    bytes: Array(data[offset..<offset + length])))
            offset += length
        }
        return found
    }

    /// How many bytes from `offset` form a well-formed sequence or the start of one.
    private static func validLength(at offset: Int, in data: [UInt8]) -> (length: Int, isComplete: Bool) {
        let lead = data[offset]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return (1, false)
        }
        for position in 1..<length {
            let index = offset + position
            let (lowest, highest) = position == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard index < data.count, (lowest...highest).contains(data[index]) else { return (position, false) }
        }
        return (length, true)
    }
}
