/// Byte searches that test eight bytes at a time, for the passes over the whole source (line
/// splitting, validation) where a byte-by-byte loop costs several instructions a byte; shared
/// with the modules above the engine for their own passes over whole files.
package enum WordScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    package static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is zero (exact: the classic bit trick has no false positives for
    /// the question "is there one", only for which).
    @inlinable @inline(__always)
    package static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether any byte of `word` equals `byte`.
    @inlinable @inline(__always)
    package static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// Whether any byte of `word` is below `limit`, which is at most 0x80 (exact for "is there
    /// one", as ``hasZeroByte(_:)`` is).
    @inlinable @inline(__always)
    package static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// The index of the first `\n` or `\r` at or after `start`, or `buffer.count`.
    static func firstLineBreak(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(
            in: buffer, from: start,
            wordMayMatch: { hasByte(ASCII.newline, in: $0) || hasByte(ASCII.carriageReturn, in: $0) },
            byteMatches: { $0 == ASCII.newline || $0 == ASCII.carriageReturn })
    }

    /// The index of the first byte at or after `start` that `byteMatches`, or `buffer.count`:
    /// whole words are skipped while `wordMayMatch` says none of their bytes can match.
    @inlinable @inline(__always)
    package static func firstIndex(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, wordMayMatch: (UInt64) -> Bool,
        byteMatches: (UInt8) -> Bool
    ) -> Int {
        let count = buffer.count
        var index = start
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count, !wordMayMatch(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
        }
        while index < count, !byteMatches(buffer[index]) { index += 1 }
        return index
    }
}
