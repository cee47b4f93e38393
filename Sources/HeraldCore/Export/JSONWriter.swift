/// Writes indented JSON straight into bytes, for ``IssueExport``.
///
/// `JSONEncoder` spends about half a second on This Week in Rust's archive building and
/// sorting an intermediate tree; the export's types write their keys already in sorted order
/// instead, which a debug build checks. The output parses back with `JSONDecoder` into the same
/// values (the model stays `Codable`), and the tests check both agree.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the current container already has a member, so the next one needs a comma.
    private var hasMembers = false
    /// The last key written in each open object, to check that keys come sorted.
    private var lastKeys: [String] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes an object whose members `body` writes with ``field(_:_:)``, in sorted key order.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        assert(
            {
                lastKeys.append("")
                return true
            }())
        body(&self)
        assert(
            {
                lastKeys.removeLast()
                return true
            }())
        close(UInt8(ascii: "}"))
    }

    /// Writes an array of `values`.
    mutating func array<Value: JSONWritable>(_ values: [Value]) {
        open(UInt8(ascii: "["))
        for value in values {
            newMember()
            value.write(to: &self)
        }
        close(UInt8(ascii: "]"))
    }

    /// Writes `"key": value` in the current object; a `nil` value writes nothing.
    mutating func field<Value: JSONWritable>(_ key: String, _ value: Value?) {
        guard let value else { return }
        assert(lastKeys.last.map { $0 < key } ?? false, "JSON keys must be written in sorted order: \(key)")
        assert(
            {
                lastKeys[lastKeys.count - 1] = key
                return true
            }())
        newMember()
        string(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        value.write(to: &self)
    }

    /// Writes a string literal, escaping what JSON requires.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a number, `true`/`false` or `null` as is.
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        hasMembers = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasMembers { newLine() }
        bytes.append(bracket)
        hasMembers = true
    }

    private mutating func newMember() {
        if hasMembers { bytes.append(UInt8(ascii: ",")) }
        newLine()
        hasMembers = true
    }

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}

/// A value the export can write with ``JSONWriter``.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.raw(String(self)) }
}

extension Bool: JSONWritable {
    func write(to json: inout JSONWriter) { json.raw(self ? "true" : "false") }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) { json.array(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            for key in keys.sorted() { json.field(key, self[key]) }
        }
    }
}
