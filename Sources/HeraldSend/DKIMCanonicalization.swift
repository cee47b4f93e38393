/// DKIM's "relaxed" canonicalization (RFC 6376 §3.4.2 and §3.4.4): what is hashed and signed, so
/// that relays which refold headers or trim trailing spaces do not break the signature.
enum DKIMCanonicalization {
    /// `name:value` with the name in lower case, folds undone, runs of spaces and tabs made one
    /// space, spaces around the colon and at the end removed; then CRLF.
    static func header(_ field: [UInt8]) -> [UInt8] {
        guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else { return field }
        var output: [UInt8] = field[..<colon].compactMap { byte in
            byte == 32 || byte == 9 ? nil : (65...90).contains(byte) ? byte | 0x20 : byte
        }
        output.append(UInt8(ascii: ":"))
        var value: [UInt8] = []
        var pendingSpace = false
        for byte in field[(colon + 1)...] {
            if byte == 13 || byte == 10 { continue }
            if byte == 32 || byte == 9 {
                pendingSpace = true
                continue
            }
            if pendingSpace, !value.isEmpty { value.append(32) }
            pendingSpace = false
            value.append(byte)
        }
        output += value
        output += [13, 10]
        return output
    }

    /// Each line with runs of spaces and tabs made one space and trailing ones removed; empty lines
    /// at the end removed; a non-empty body ends with CRLF.
    static func body(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var pendingEmptyLines = 0
        var line: [UInt8] = []
        var index = body.startIndex
        func endLine() {
            var end = line.count
            while end > 0, line[end - 1] == 32 { end -= 1 }
            if end == 0 {
                pendingEmptyLines += 1
            } else {
                for _ in 0..<pendingEmptyLines { output += [13, 10] }
                pendingEmptyLines = 0
                output += line[..<end]
                output += [13, 10]
            }
            line.removeAll(keepingCapacity: true)
        }
        while index < body.endIndex {
            let byte = body[index]
            if byte == 13, index + 1 < body.endIndex, body[index + 1] == 10 {
                endLine()
                index += 2
                continue
            }
            if byte == 32 || byte == 9 {
                if line.last != 32 { line.append(32) }
            } else {
                line.append(byte)
            }
            index += 1
        }
        if !line.isEmpty { endLine() }
        return output
    }
}
