/// gzip (RFC 1952) compression, so the search index is stored and sent at about a third of its
/// size and browsers inflate it with their built-in `DecompressionStream("gzip")`.
///
/// Foundation offers no compression on Linux and Herald links no zlib, so this is a small
/// DEFLATE (RFC 1951) encoder of its own: LZ77 matches found through hash chains over a 32 KiB
/// window, written in one block with the fixed Huffman codes. Index files are a few kilobytes,
/// where fixed codes lose little to dynamic ones and need no code tables in the output.
enum Gzip {
    /// `input` as a complete gzip member.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.output = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        writer.output.reserveCapacity(input.count / 2 + 32)
        writer.write(1, bits: 1)  // the final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        Matcher(input: input).encode(into: &writer)
        writer.writeLiteralOrLength(256)
        writer.flush()
        for value in [crc32(input), UInt32(truncatingIfNeeded: input.count)] {
            writer.output += [
                UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24),
            ]
        }
        return writer.output
    }

    /// The CRC-32 of `bytes` (the IEEE polynomial, reflected), as gzip's trailer wants.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// Finds repeats in the input and writes literals and (length, distance) pairs.
    private struct Matcher {
        let input: [UInt8]
        static let window = 32_768
        static let minimumMatch = 3
        static let maximumMatch = 258
        static let maximumChain = 48
        static let hashBits = 15

        /// Works through unsafe buffers, with `previous` as long as the input when that is
        /// shorter than the window (positions are taken modulo the window): the archive's index
        /// is five hundred files of a few kilobytes, and two tables of 128 KiB filled for each
        /// were a fifth of compressing them.
        func encode(into writer: inout BitWriter) {
            var head = [Int32](repeating: -1, count: 1 << Matcher.hashBits)
            var previous = [Int32](repeating: -1, count: min(Matcher.window, max(input.count, 1)))
            input.withUnsafeBufferPointer { input in
                head.withUnsafeMutableBufferPointer { head in
                    previous.withUnsafeMutableBufferPointer { previous in
                        Matcher.encode(input, head: head, previous: previous, into: &writer)
                    }
                }
            }
        }

        private static func encode(
            _ input: UnsafeBufferPointer<UInt8>, head: UnsafeMutableBufferPointer<Int32>,
            previous: UnsafeMutableBufferPointer<Int32>, into writer: inout BitWriter
        ) {
            let count = input.count
            func insert(_ at: Int) {
                guard at + 2 < count else { return }
                let hash = Matcher.hash(input, at)
                previous[at & (Matcher.window - 1)] = head[hash]
                head[hash] = Int32(at)
            }
            var position = 0
            while position < count {
                var bestLength = 0
                var bestDistance = 0
                if position + Matcher.minimumMatch <= count {
                    var candidate = Int(head[Matcher.hash(input, position)])
                    var chain = 0
                    let limit = min(Matcher.maximumMatch, count - position)
                    while candidate >= 0, position - candidate <= Matcher.window, chain < Matcher.maximumChain {
                        if input[candidate + bestLength] == input[position + bestLength] || bestLength == 0 {
                            var length = 0
                            while length < limit && input[candidate + length] == input[position + length] {
                                length += 1
                            }
                            if length > bestLength {
                                bestLength = length
                                bestDistance = position - candidate
                                if length == limit { break }
                            }
                        }
                        let next = Int(previous[candidate & (Matcher.window - 1)])
                        guard next < candidate else { break }
                        candidate = next
                        chain += 1
                    }
                }
                if bestLength >= Matcher.minimumMatch {
                    writer.writeMatch(length: bestLength, distance: bestDistance)
                    for at in position..<(position + bestLength) { insert(at) }
                    position += bestLength
                } else {
                    writer.writeLiteralOrLength(Int(input[position]))
                    insert(position)
                    position += 1
                }
            }
        }

        @inline(__always)
        private static func hash(_ input: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
            let value = Int(input[at]) << 16 | Int(input[at + 1]) << 8 | Int(input[at + 2])
            return (value &* 0x9E37_79B1) >> (32 - Matcher.hashBits) & ((1 << Matcher.hashBits) - 1)
        }
    }

    /// Packs bits least significant first, as DEFLATE wants, with Huffman codes reversed.
    private struct BitWriter {
        var output: [UInt8] = []
        private var buffer: UInt64 = 0
        private var count = 0

        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += bits
            while count >= 8 {
                output.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                count -= 8
            }
        }

        /// A Huffman code, sent most significant bit first.
        static func reversed(_ code: Int, bits: Int) -> Int {
            var reversed = 0
            for bit in 0..<bits where code & (1 << bit) != 0 {
                reversed |= 1 << (bits - 1 - bit)
            }
            return reversed
        }

        /// A symbol of the fixed literal/length code (RFC 1951, 3.2.6), from a table of the
        /// 288 codes already reversed, with their lengths.
        mutating func writeLiteralOrLength(_ symbol: Int) {
            let (code, bits) = BitWriter.literalOrLengthCodes[symbol]
            write(code, bits: bits)
        }

        private static let literalOrLengthCodes: [(code: Int, bits: Int)] = (0..<288).map { symbol in
            switch symbol {
            case 0...143: (reversed(0x30 + symbol, bits: 8), 8)
            case 144...255: (reversed(0x190 + symbol - 144, bits: 9), 9)
            case 256...279: (reversed(symbol - 256, bits: 7), 7)
            default: (reversed(0xC0 + symbol - 280, bits: 8), 8)
            }
        }

        /// Each length's code (its index in ``Gzip/lengthBases``), for lengths 0 to 258.
        private static let lengthCodes: [Int] = (0...Matcher.maximumMatch).map { length in
            var code = Gzip.lengthBases.count - 1
            while code > 0, Gzip.lengthBases[code] > length { code -= 1 }
            return code
        }

        /// The five-bit distance codes, reversed.
        private static let distanceCodes = (0..<30).map { reversed($0, bits: 5) }

        mutating func writeMatch(length: Int, distance: Int) {
            let code = BitWriter.lengthCodes[length]
            writeLiteralOrLength(257 + code)
            write(length - Gzip.lengthBases[code], bits: Gzip.lengthExtraBits[code])
            var distanceCode = Gzip.distanceBases.count - 1
            while Gzip.distanceBases[distanceCode] > distance { distanceCode -= 1 }
            write(BitWriter.distanceCodes[distanceCode], bits: 5)
            write(distance - Gzip.distanceBases[distanceCode], bits: Gzip.distanceExtraBits[distanceCode])
        }

        mutating func flush() {
            if count > 0 {
                output.append(UInt8(buffer & 0xFF))
                buffer = 0
                count = 0
            }
        }
    }

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtraBits = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBases = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145,
        8193, 12289, 16385, 24577,
    ]
    private static let distanceExtraBits = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
}
