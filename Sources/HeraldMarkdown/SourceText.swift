/// Markdown input as clean UTF-8: invalid sequences and NUL replaced by U+FFFD, so that every later
/// stage can assume valid text. The parser is lent the input's own bytes when they are clean, and
/// a repaired copy only when they are not.
enum SourceText {
    /// Calls `body` with bytes of unknown encoding as clean text, and the array that holds them:
    /// `input` itself when it is clean, else a repaired copy.
    static func withCleanBytes<Result>(
        of input: [UInt8], _ body: (_ clean: UnsafeBufferPointer<UInt8>, _ holder: [UInt8]) throws -> Result
    ) rethrows -> Result {
        let clean = input.withUnsafeBufferPointer(needsRepair) ? input.withUnsafeBufferPointer(repaired) : input
        return try clean.withUnsafeBufferPointer { try body($0, clean) }
    }

    /// Calls `body` with the bytes of a Swift string, valid UTF-8 already, as clean text: the
    /// string's own storage unless it holds a NUL (a copy of a 50 MB issue was 50 MB of the
    /// parse's peak), else a repaired copy, which `body` is given too.
    static func withCleanBytes<Result>(
        ofValidUTF8 input: UnsafeBufferPointer<UInt8>,
        _ body: (_ clean: UnsafeBufferPointer<UInt8>, _ repaired: [UInt8]?) throws -> Result
    ) rethrows -> Result {
        guard firstNonASCIIOrNUL(input, from: 0, stoppingAtNonASCII: false) < input.count else {
            return try body(input, nil)
        }
        let copy = repaired(input)
        return try copy.withUnsafeBufferPointer { try body($0, copy) }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Calls `body` with bytes of unknown encoding lent by the caller (a mapped file's) as clean
    /// text: `input` itself when it is clean, else a repaired copy.
    static func withCleanBytes<Result>(
        of input: UnsafeBufferPointer<UInt8>, _ body: (_ clean: UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        guard needsRepair(input) else { return try body(input) }
        return try repaired(input).withUnsafeBufferPointer(body)
    }

    /// Whether `buffer` holds a NUL or a sequence that is not UTF-8, which the parser must not see.
    /// Fast check: runs of ASCII without NUL are skipped eight bytes at a time; anything else gets
    /// a full validation.
    static func needsRepair(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        while index < count {
            index = firstNonASCIIOrNUL(buffer, from: index, stoppingAtNonASCII: true)
            guard index < count else { return false }
            if buffer[index] == 0 { return true }
            let length = sequenceLength(buffer, at: index)
            if length == 0 { return true }
            index += length
        }
        return false
    }

    private static func firstNonASCIIOrNUL(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, stoppingAtNonASCII: Bool
    ) -> Int {
        WordScan.firstIndex(
            in: buffer, from: start,
            wordMayMatch: { WordScan.hasZeroByte($0) || (stoppingAtNonASCII && $0 & WordScan.highBits != 0) },
            byteMatches: { $0 == 0 || (stoppingAtNonASCII && $0 >= 0x80) })
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 if it is invalid.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let (length, valid) = scan(buffer, at: index)
        return valid ? length : 0
    }

    /// Reads the sequence at `index`: its length and whether it is valid. An invalid sequence's length
    /// is its maximal subpart (the longest start of a valid sequence, at least one byte), which becomes
    /// a single U+FFFD, as Unicode recommends.
    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, valid: Bool) {
        let lead = buffer[index]
        let needed: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0:
            needed = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED:
            needed = 2
            high = 0x9F
        case 0xF0:
            needed = 3
            low = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4:
            needed = 3
            high = 0x8F
        default: return (1, false)
        }
        var length = 1
        while length <= needed {
            guard index + length < buffer.count else { return (length, false) }
            let byte = buffer[index + length]
            let (minimum, maximum) = length == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= minimum && byte <= maximum else { return (length, false) }
            length += 1
        }
        return (length, true)
    }

    private static func repaired(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(buffer.count + 16)
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0 {
                result.append(contentsOf: replacement)
                index += 1
            } else if byte < 0x80 {
                result.append(byte)
                index += 1
            } else {
                let (length, valid) = scan(buffer, at: index)
                if valid {
                    result.append(contentsOf: buffer[index..<index + length])
                } else {
                    result.append(contentsOf: replacement)
                }
                index += length
            }
        }
        return result
    }
}
