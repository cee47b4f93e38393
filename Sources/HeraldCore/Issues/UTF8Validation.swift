/// Finds where bytes stop being UTF-8, so Herald can say exactly which byte to fix rather
/// than that "the file" is not UTF-8.
enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed UTF-8 sequence,
    /// or `nil` when all of `bytes` is UTF-8.
    static func firstInvalidOffset<Bytes: Collection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var offset = 0
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                highest = 0x9F
            case 0xF0:
                length = 4
                lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                highest = 0x8F
            default: return offset
            }
            for position in 1..<length {
                guard let continuation = iterator.next() else { return offset }
                let (low, high) = position == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
                guard (low...high).contains(continuation) else { return offset }
            }
            offset += length
        }
        return nil
    }
}
