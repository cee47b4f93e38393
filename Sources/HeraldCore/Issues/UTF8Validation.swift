/// Finds where bytes stop being UTF-8, so Herald can say exactly which byte to fix rather
/// than that "the file" is not UTF-8.
public enum UTF8Validation {
    /// Every maximal ill-formed subsequence of `bytes`, as Unicode defines them (each is one
    /// U+FFFD when the text is read), as offsets into `bytes`; empty when all of it is UTF-8.
    public static func invalidRanges<Bytes: Collection>(in bytes: Bytes) -> [Range<Int>] where Bytes.Element == UInt8 {
        var ranges: [Range<Int>] = []
        var offset = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let (length, isComplete) = sequence(at: index, in: bytes)
            if !isComplete { ranges.append(offset..<offset + length) }
            offset += length
            index = bytes.index(index, offsetBy: length)
        }
        return ranges
    }

    /// The offset of the first byte of the first ill-formed UTF-8 sequence,
    /// or `nil` when all of `bytes` is UTF-8.
    static func firstInvalidOffset<Bytes: Collection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        invalidRanges(in: bytes).first?.lowerBound
    }

    /// `bytes` as a `String`, or `nil` when they are not all UTF-8.
    ///
    /// The standard library checks a buffer a word at a time only when all of it is ASCII, and
    /// any other a byte at a time: for every issue at every build, a fifth of a rebuild that found
    /// nothing changed. Issues are ASCII but for a character here and there, so the bytes are
    /// checked in pieces of about a kilobyte, each ending before an ASCII byte, which no
    /// character's bytes straddle: most pieces are all ASCII, and the whole is UTF-8 exactly
    /// when every piece is.
    package static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count > 2 * pieceSize else { return String(validating: bytes, as: UTF8.self) }
        var text = ""
        text.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            var end = min(start + pieceSize, bytes.count)
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            guard let piece = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            else { return nil }
            text += piece
            start = end
        }
        return text
    }

    /// The bytes checked at once; a piece holding a character beyond ASCII is checked byte by byte.
    private static let pieceSize = 1024

    /// How many bytes from `index` form a well-formed sequence, or the ill-formed start of one.
    private static func sequence<Bytes: Collection>(
        at index: Bytes.Index, in bytes: Bytes
    ) -> (length: Int, isComplete: Bool) where Bytes.Element == UInt8 {
        let lead = bytes[index]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return (1, true)
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, lowest) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, highest) = (3, 0x9F)
        case 0xF0: (length, lowest) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, highest) = (4, 0x8F)
        default: return (1, false)
        }
        var next = bytes.index(after: index)
        for position in 1..<length {
            let (low, high) = position == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
            guard next != bytes.endIndex, (low...high).contains(bytes[next]) else { return (position, false) }
            next = bytes.index(after: next)
        }
        return (length, true)
    }
}
