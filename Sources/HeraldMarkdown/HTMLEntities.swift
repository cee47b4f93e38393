/// HTML character references (`&amp;`, `&#123;`, `&#x1F;`), decoded the way CommonMark decodes them
/// in text, link destinations and titles.
///
/// The named references are the HTML5 ones that end in `;` (the only ones CommonMark accepts), kept
/// as static data in `HTMLEntities+Table.swift` and found by binary search, so that using them costs
/// nothing at start-up.
package enum HTMLEntities {
    /// The longest name, without `&` and `;` (`CounterClockwiseContourIntegral`).
    static let longestName = 31

    /// Decodes the character reference whose `&` is at `start`, appending its UTF-8 to `output`.
    ///
    /// - Returns: the index just past the reference's `;`, or `nil` (with `output` untouched) when no
    ///   valid reference starts there.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, appendingTo output: inout [UInt8]
    ) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == ASCII.hash {
            return decodeNumeric(bytes, at: index + 1, appendingTo: &output)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart <= longestName, ASCII.isAlphanumeric(bytes[index]) {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";"), index > nameStart else { return nil }
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
        guard appendValue(named: name, to: &output) else { return nil }
        return index + 1
    }

    /// The replacement text of a named reference (`name` without `&` and `;`), or `nil`.
    static func value(named name: some Collection<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        let found = Array(name).withUnsafeBufferPointer { appendValue(named: $0, to: &output) }
        return found ? output : nil
    }

    /// Decodes `&#` digits `;` or `&#x` hex digits `;`; `start` is just past the `#`.
    private static func decodeNumeric(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, appendingTo output: inout [UInt8]
    ) -> Int? {
        var index = start
        var value: UInt32 = 0
        let digitsStart: Int
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
            index += 1
            digitsStart = index
            while index < bytes.count, index - digitsStart < 6, ASCII.isHexDigit(bytes[index]) {
                let byte = bytes[index]
                let digit = ASCII.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
                value = value << 4 | UInt32(digit)
                index += 1
            }
        } else {
            digitsStart = index
            while index < bytes.count, index - digitsStart < 7, ASCII.isDigit(bytes[index]) {
                value = value * 10 + UInt32(bytes[index] - 0x30)
                index += 1
            }
        }
        guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        let scalar = value == 0 ? nil : Unicode.Scalar(value)
        appendUTF8(scalar ?? "\u{FFFD}", to: &output)
        return index + 1
    }

    /// Appends the UTF-8 encoding of `scalar`.
    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            output.append(UInt8(value))
        case ..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Binary search of the name table; appends the value when `name` is there.
    private static func appendValue(named name: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        names.withUTF8Buffer { nameTable in
            var low = 0
            var high = namedCount - 1
            while low <= high {
                let middle = (low + high) / 2
                let entry = offsets[middle]
                let candidate = UnsafeBufferPointer(
                    rebasing: nameTable[Int(entry >> 16)..<Int(offsets[middle + 1] >> 16)])
                switch compare(name, candidate) {
                case .less:
                    high = middle - 1
                case .greater:
                    low = middle + 1
                case .equal:
                    values.withUTF8Buffer { valueTable in
                        let from = Int(entry & 0xFFFF)
                        let to = Int(offsets[middle + 1] & 0xFFFF)
                        output.append(contentsOf: valueTable[from..<to])
                    }
                    return true
                }
            }
            return false
        }
    }

    private enum Order { case less, equal, greater }

    private static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Order {
        let common = min(lhs.count, rhs.count)
        var index = 0
        while index < common {
            if lhs[index] != rhs[index] { return lhs[index] < rhs[index] ? .less : .greater }
            index += 1
        }
        if lhs.count == rhs.count { return .equal }
        return lhs.count < rhs.count ? .less : .greater
    }
}
