/// Finds web addresses in free text: event descriptions, forum posts, locations.
///
/// The search runs over the UTF-8 bytes and stops at the first address when only that one is
/// wanted: a calendar's descriptions run to kilobytes each, and an event needs only its first link.
enum WebAddress {
    /// Whether `text` is an `http` or `https` address.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The first `http(s)://…` in `text`, up to white space or a closing bracket or quote.
    static func first(in text: String) -> String? {
        var first: String?
        forEach(in: text) { address in
            first = address
            return false
        }
        return first
    }

    /// Every `http(s)://…` in `text`, in order.
    static func all(in text: String) -> [String] {
        var found: [String] = []
        forEach(in: text) { address in
            found.append(address)
            return true
        }
        return found
    }

    /// Calls `body` with each address in `text`, in order, while it returns `true`.
    private static func forEach(in text: String, _ body: (String) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while let start = startOfHTTP(in: bytes, from: index) {
                let end = endOfAddress(in: bytes, from: start)
                index = end
                var address = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                while let last = address.last, ".,;:!?".contains(last) { address.removeLast() }
                if isWebAddress(address), address.count > "https://".count, !body(address) { return }
            }
        }
    }

    /// Where the next `http`, in any case, begins.
    private static func startOfHTTP(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var index = index
        while index + 4 <= bytes.count {
            if bytes[index] | 0x20 == UInt8(ascii: "h"), bytes[index + 1] | 0x20 == UInt8(ascii: "t"),
                bytes[index + 2] | 0x20 == UInt8(ascii: "t"), bytes[index + 3] | 0x20 == UInt8(ascii: "p")
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Where an address starting at `start` ends: at white space, or a closing bracket or quote.
    private static func endOfAddress(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (0x09...0x0D).contains(byte) || byte == 0x20 || "<>\"')]|".utf8.contains(byte) { return index }
                index += 1
                continue
            }
            let (scalar, length) = decodeScalar(in: bytes, at: index)
            if scalar?.properties.isWhitespace == true { return index }
            index += length
        }
        return index
    }

    /// The scalar a multi-byte UTF-8 sequence starting at `index` encodes, and its length.
    private static func decodeScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value), length)
    }
}
