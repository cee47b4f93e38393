/// One logical line of an iCalendar file after unfolding: `NAME;PARAM=VALUE:value`.
///
/// The line number is that of the first physical line, so a problem with a folded property
/// points where the editor sees it begin.
struct ContentLine: Hashable, Sendable {
    /// The property name, upper-cased (`DTSTART`, `X-WR-CALNAME`).
    var name: String
    /// Parameters by upper-cased name; a parameter may carry several comma-separated values.
    var parameters: [String: [String]]
    /// The raw value, still escaped.
    var value: String
    /// The 1-based line of the file on which the property starts.
    var line: Int

    /// The first value of `parameter`, e.g. `TZID` or `CN`.
    func parameter(_ name: String) -> String? {
        parameters[name]?.first
    }

    /// Reads `text` one unfolded content line at a time, calling `body` with the line number
    /// the line starts on and the line parsed, or why it is not a content line.
    ///
    /// A physical line starting with a space or a tab continues the one before it (RFC 5545
    /// §3.1); blank lines are skipped. The work is done on the UTF-8 bytes: a feed of many
    /// megabytes is mostly folded descriptions, and unfolding them through `Character`s (which
    /// join `\r\n` into one) or substrings cost more than everything else Herald does with it.
    static func read(_ text: String, _ body: (_ line: Int, Result<ContentLine, ContentLineError>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            /// The logical line read so far: a range of `bytes`, or `joined` once a continuation
            /// has been added to it.
            var pending: Range<Int>?
            var pendingLine = 0
            var joined: [UInt8] = []
            var isJoined = false
            func flush() {
                guard let range = pending else { return }
                let parsed =
                    isJoined
                    ? joined.withUnsafeBufferPointer { Self.result(parsing: $0, line: pendingLine) }
                    : Self.result(parsing: UnsafeBufferPointer(rebasing: bytes[range]), line: pendingLine)
                body(pendingLine, parsed)
                pending = nil
            }
            var number = 0
            var start = 0
            while start <= bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let next = end + 1
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if end > start {
                    let first = bytes[start]
                    if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), let range = pending {
                        if !isJoined {
                            joined.removeAll(keepingCapacity: true)
                            joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                            isJoined = true
                        }
                        joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]))
                    } else {
                        flush()
                        pending = start..<end
                        pendingLine = number
                        isJoined = false
                    }
                }
                start = next
            }
            flush()
        }
    }

    private static func result(parsing bytes: UnsafeBufferPointer<UInt8>, line: Int)
        -> Result<ContentLine, ContentLineError>
    {
        do {
            return .success(try ContentLine(parsing: bytes, line: line))
        } catch {
            return .failure(error)
        }
    }

    /// Parses one unfolded line, or explains why it is not `NAME[;PARAM=VALUE…]:value`.
    init(parsing bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(ContentLineError) {
        var index = 0
        func readName() -> String {
            let start = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            return Self.upperCased(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        let name = readName()
        guard !name.isEmpty else {
            throw ContentLineError(message: "'\(Self.shown(string(0..<bytes.count)))' is not a property line")
        }
        var parameters: [String: [String]] = [:]
        while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            index += 1
            let parameterName = readName()
            guard !parameterName.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw ContentLineError(message: "property \(name) has a malformed parameter")
            }
            index += 1
            var values: [String] = []
            while true {
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    let start = index + 1
                    index = start
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
                    guard index < bytes.count else {
                        throw ContentLineError(message: "property \(name) has an unclosed quoted parameter")
                    }
                    values.append(string(start..<index))
                    index += 1
                } else {
                    let start = index
                    while index < bytes.count, !Self.endsParameterValue(bytes[index]) { index += 1 }
                    values.append(string(start..<index))
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { break }
                index += 1
            }
            parameters[parameterName, default: []] += values
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw ContentLineError(message: "property \(name) has no ':' before its value")
        }
        self.name = name
        self.parameters = parameters
        self.value = string((index + 1)..<bytes.count)
        self.line = line
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func endsParameterValue(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")
    }

    /// ASCII name bytes as an upper-cased string; names are short, so this stays inline.
    private static func upperCased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index] = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
            }
            return bytes.count
        }
    }

    private static func shown(_ text: String) -> String {
        text.count > 40 ? text.prefix(39) + "…" : text
    }
}

/// Why a line is not a content line; the parser adds the source and line.
struct ContentLineError: Error {
    var message: String
}
