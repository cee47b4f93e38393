/// Markdown input as clean UTF-8: invalid sequences and NUL replaced by U+FFFD, so that every later
/// stage can assume valid text.
struct SourceText {
    let bytes: [UInt8]

    init<Bytes: Collection>(_ input: Bytes) where Bytes.Element == UInt8 {
        let raw = Array(input)
        bytes = SourceText.needsRepair(raw) ? SourceText.repaired(raw) : raw
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Fast check: pure ASCII without NUL needs nothing; anything else gets a full validation.
    private static func needsRepair(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte == 0 { return true }
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length = sequenceLength(buffer, at: index)
                if length == 0 { return true }
                index += length
            }
            return false
        }
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 if it is invalid.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = buffer[index]
        let count = buffer.count
        @inline(__always) func continuation(_ offset: Int) -> Bool {
            index + offset < count && buffer[index + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = buffer[index + 1]
            if lead == 0xE0 && second < 0xA0 { return 0 }
            if lead == 0xED && second > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = buffer[index + 1]
            if lead == 0xF0 && second < 0x90 { return 0 }
            if lead == 0xF4 && second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    private static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
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
                    let length = sequenceLength(buffer, at: index)
                    if length == 0 {
                        result.append(contentsOf: replacement)
                        index += 1
                    } else {
                        result.append(contentsOf: buffer[index..<index + length])
                        index += length
                    }
                }
            }
        }
        return result
    }
}
