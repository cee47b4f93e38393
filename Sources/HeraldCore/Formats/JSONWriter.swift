package import Foundation
import HeraldMarkdown

/// Writes indented JSON straight into bytes, for ``IssueExport`` and `herald check`'s report.
///
/// `JSONEncoder` spends about half a second on This Week in Rust's archive building and
/// sorting an intermediate tree (and a seventh of `herald check`'s time on an issue with 100,000
/// findings); the writers' types write their keys already in sorted order instead, which a debug
/// build checks. The generic members are `@inlinable`, so that the report, the export and the
/// build manifest in other modules get them specialized (unspecialized, one member cost 23,000
/// instructions in the manifest). The export parses back with `JSONDecoder` into the same values
/// (the model stays `Codable`), and the tests check both agree.
package struct JSONWriter {
    /// What is written and not yet passed on: everything, unless the writer streams.
    package private(set) var bytes: [UInt8] = []
    /// Where a streaming writer passes its bytes on (``init(streamingTo:)``).
    @usableFromInline var output: WritableFile?
    /// The first error writing to ``output``; later bytes are dropped.
    @usableFromInline var outputError: POSIXError?
    @usableFromInline var depth = 0
    /// Whether the current container already has a member, so the next one needs a comma.
    private var hasMembers = false
    /// The last key written in each open object (`nil` before the first), to check that keys
    /// come sorted.
    @usableFromInline var lastKeys: [String?] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer that passes its bytes on to `file` a megabyte at a time, between an array's
    /// members, so that a document of hundreds of megabytes (the export of a 50 MB issue) is
    /// never held whole; ``finish()`` writes the rest.
    package init(streamingTo file: WritableFile) {
        output = file
        bytes.reserveCapacity(2 * JSONWriter.passedOnSize)
    }

    /// How many bytes a streaming writer holds before passing them on.
    static let passedOnSize = 1 << 20

    /// Passes the bytes on once there are enough of them, for a streaming writer.
    mutating func passOnWhenFull() {
        guard output != nil, bytes.count >= JSONWriter.passedOnSize else { return }
        passOn()
    }

    private mutating func passOn() {
        pass(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes `run` to ``output``, unless an earlier write failed.
    private mutating func pass(_ run: [UInt8]) {
        guard let output, outputError == nil else { return }
        do {
            try output.write(run)
        } catch {
            outputError = error
        }
    }

    /// Passes the last bytes on, for a streaming writer.
    ///
    /// - Throws: the first error writing to the file.
    package mutating func finish() throws(POSIXError) {
        passOn()
        if let outputError { throw outputError }
    }

    /// Writes an object whose members `body` writes with ``field(_:_:)``, in sorted key order.
    @inlinable package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        assert(
            {
                lastKeys.append(nil)
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

    /// Writes an array of `values`, as ``array(count:member:)`` does.
    @inlinable package mutating func array<Value: JSONWritable>(_ values: [Value]) {
        // Each value written where the array keeps it: read through the array's subscript or
        // iterator in unspecialized code, each one was copied, retaining and releasing every
        // string it holds (a quarter of the check report's time).
        values.withUnsafeBufferPointer { values in
            array(count: values.count) { index, json in values[index].write(to: &json) }
        }
    }

    /// Writes an array of `count` members, `member` writing the one at each index; a long one (the
    /// report of an outsized file's 100,000 findings) is written in runs of a few thousand members
    /// on every core, each run by a writer of its own that continues where the one before it
    /// ends, and joined in order: the same bytes as one writer's. The runs are made a batch at a
    /// time, so that a streaming writer passes each batch on before the next is made.
    ///
    /// Not generic, so that the runs are compiled once, here: the check's report calls
    /// ``array(_:)`` unspecialized, from another module, and only its closure is generic.
    @usableFromInline mutating func array(count: Int, member: (Int, inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        if count >= JSONWriter.membersWrittenSideBySide {
            let (depth, length) = (depth, JSONWriter.membersWrittenSideBySide)
            // Each run's room, from what the members before it took, up to a few megabytes (members
            // of a megabyte each would otherwise ask for gigabytes): grown from nothing, a run of
            // findings was copied ten times over as it grew.
            var bytesPerMember = 64
            var start = 0
            while start < count {
                let end = Swift.min(count, start + length * JSONWriter.runsPerBatch)
                let runs = Array(stride(from: start, to: end, by: length)).concurrentMap { first in
                    var run = JSONWriter(continuingAtDepth: depth, afterMembers: first > 0)
                    run.bytes.reserveCapacity(Swift.min(bytesPerMember * (length + 1), JSONWriter.largestRunRoom))
                    for index in first..<Swift.min(first + length, end) {
                        run.newMember()
                        member(index, &run)
                    }
                    return run.bytes
                }
                for run in runs { append(membersWrittenApart: run) }
                bytesPerMember = Swift.max(bytesPerMember, runs.reduce(0) { $0 + $1.count } / (end - start) + 16)
                start = end
            }
        } else {
            for index in 0..<count {
                newMember()
                member(index, &self)
                passOnWhenFull()
            }
        }
        close(UInt8(ascii: "]"))
    }

    /// How long an array must be for ``array(_:)`` to write it on every core, and how many
    /// members each of its runs has.
    static let membersWrittenSideBySide = 4_096

    /// The most room a run of ``array(count:member:)`` reserves before it is written.
    static let largestRunRoom = 4 << 20

    /// How many runs ``array(_:)`` makes at a time: a few per core, so that a core that finishes
    /// early takes another.
    static var runsPerBatch: Int { 4 * FileSplitting.cores }

    /// A writer for a run of an array's members at `depth`, the first after others when
    /// `afterMembers`.
    init(continuingAtDepth depth: Int, afterMembers: Bool) {
        self.depth = depth
        hasMembers = afterMembers
    }

    /// Appends members another writer made with ``init(continuingAtDepth:afterMembers:)``; a
    /// streaming writer passes them on as they are, after what it holds (copied into its bytes
    /// first, the runs of a check report's findings were a fifth of its writing).
    mutating func append(membersWrittenApart run: [UInt8]) {
        if output != nil, run.count >= JSONWriter.passedOnSize / 4 {
            passOn()
            pass(run)
        } else {
            bytes.append(contentsOf: run)
            passOnWhenFull()
        }
        hasMembers = hasMembers || !run.isEmpty
    }

    /// Writes `"key": value` in the current object; a `nil` value writes nothing.
    @inlinable package mutating func field<Value: JSONWritable>(_ key: String, _ value: Value?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// Writes `"key": ` in the current object, for a value the caller writes next itself (the
    /// manifest's numbers and hashes, written without a `String` in between).
    package mutating func key(_ key: String) {
        assert(
            lastKeys.last.map { last in last.map { $0 < key } ?? true } ?? false,
            "JSON keys must be written in sorted order, inside an object: \(key)")
        assert(
            {
                lastKeys[lastKeys.count - 1] = key
                return true
            }())
        newMember()
        string(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Writes a string literal, escaping what JSON requires (with the short forms `\b`, `\f`,
    /// `\n`, `\r`, `\t` where JSON has them); runs that need no escape are copied whole.
    ///
    /// One pass, appending as it goes, beside ``appendEscaped(_:to:)``'s two (measure, then write
    /// in place, for the few long bodies): written through that one, `herald export` of the
    /// archive's many short strings took 12 % longer.
    package mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { utf8 in
            var runStart = 0
            var index = Self.firstEscape(in: utf8, from: 0)
            while index < utf8.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                let escape = Self.escape(of: utf8[index])
                for offset in 0..<escape.count { bytes.append(escape.byte(offset)) }
                runStart = index + 1
                index = Self.firstEscape(in: utf8, from: runStart)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included, escaped as ``string(_:)`` and
    /// `JSONEncoder` both escape it: for a template that places each literal itself (the JSON
    /// Feed carries whole issue bodies, which `JSONEncoder` took a second to write on 50 MB).
    ///
    /// Measured first and written straight into the string's storage: grown in an array and
    /// then copied, a 50 MB issue's body held three times its size at the build's peak.
    package static func literal(_ text: String) -> String {
        literal(text, quoted: true)
    }

    /// `text` escaped as in ``literal(_:)``, without the quotes: for a literal written in parts
    /// (a feed writes a whole issue's body a window at a time).
    package static func escaped(_ text: String) -> String {
        literal(text, quoted: false)
    }

    /// Appends the UTF-8 text `utf8` escaped as in ``escaped(_:)``: for a feed entry's body,
    /// escaped from its bytes as the feed is written, with no string made.
    package static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let length = literalLength(of: utf8, quoted: false)
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: length))
        output.withUnsafeMutableBufferPointer { output in
            _ = writeLiteral(of: utf8, into: UnsafeMutableBufferPointer(rebasing: output[start...]), quoted: false)
        }
    }

    private static func literal(_ text: String, quoted: Bool) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: literalLength(of: utf8, quoted: quoted)) {
                writeLiteral(of: utf8, into: $0, quoted: quoted)
            }
        }
    }

    /// How many bytes ``writeLiteral(of:into:quoted:)`` writes for `utf8`.
    private static func literalLength(of utf8: UnsafeBufferPointer<UInt8>, quoted: Bool) -> Int {
        var length = utf8.count + (quoted ? 2 : 0)
        var index = firstEscape(in: utf8, from: 0)
        while index < utf8.count {
            length += escape(of: utf8[index]).count - 1
            index = firstEscape(in: utf8, from: index + 1)
        }
        return length
    }

    /// Writes `utf8` escaped (and quoted, when asked) at the start of `output`, which has room
    /// for ``literalLength(of:quoted:)`` bytes; returns that length.
    private static func writeLiteral(
        of utf8: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, quoted: Bool
    ) -> Int {
        var written = 0
        if quoted {
            output[0] = UInt8(ascii: "\"")
            written = 1
        }
        func write(_ run: UnsafeBufferPointer<UInt8>) {
            guard let base = run.baseAddress, !run.isEmpty else { return }
            UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(from: base, byteCount: run.count)
            written += run.count
        }
        var runStart = 0
        var index = firstEscape(in: utf8, from: 0)
        while index < utf8.count {
            write(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            let escape = escape(of: utf8[index])
            for offset in 0..<escape.count { output[written + offset] = escape.byte(offset) }
            written += escape.count
            runStart = index + 1
            index = firstEscape(in: utf8, from: runStart)
        }
        write(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        guard quoted else { return written }
        output[written] = UInt8(ascii: "\"")
        return written + 1
    }

    /// Writes `"key": value`, or `"key": null` when `value` is `nil`, for formats whose readers
    /// expect every key.
    @inlinable package mutating func field<Value: JSONWritable>(_ key: String, orNull value: Value?) {
        if let value {
            field(key, value)
        } else {
            self.key(key)
            raw("null")
        }
    }

    // The fields of strings and numbers, by far the most written, also without generics: the
    // generic ones, called from another module, looked their value type's metadata up on every
    // call (a fifth of the report's time for an outsized file's 100,000 findings).

    /// Writes `"key": "text"`; a `nil` text writes nothing.
    package mutating func field(_ key: String, _ text: String?) {
        guard let text else { return }
        self.key(key)
        string(text)
    }

    /// Writes `"key": number`; a `nil` number writes nothing.
    package mutating func field(_ key: String, _ number: Int?) {
        guard let number else { return }
        self.key(key)
        self.number(number)
    }

    /// Writes `"key": "text"`, or `"key": null` when `text` is `nil`.
    package mutating func field(_ key: String, orNull text: String?) {
        self.key(key)
        if let text { string(text) } else { raw("null") }
    }

    /// Writes `"key": number`, or `"key": null` when `number` is `nil`.
    package mutating func field(_ key: String, orNull number: Int?) {
        self.key(key)
        if let number { self.number(number) } else { raw("null") }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The index of the first byte of `utf8` at or after `start` that ``needsEscape(_:)``, or
    /// `utf8.count`: eight bytes at a time while none of them does (a byte at a time, the
    /// search was a third of writing a check report).
    private static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        WordScan.firstIndex(
            in: utf8, from: start,
            wordMayMatch: {
                WordScan.hasByte(below: 0x20, in: $0) || WordScan.hasByte(UInt8(ascii: "\""), in: $0)
                    || WordScan.hasByte(UInt8(ascii: "\\"), in: $0)
            },
            byteMatches: needsEscape)
    }

    /// The escape JSON writes for a byte ``needsEscape(_:)`` names: `\"`, `\\`, a short form, or
    /// `\u00XX`.
    private struct Escape {
        let count: Int
        private let second: UInt8
        private let low: UInt8

        init(short: UInt8) {
            (count, second, low) = (2, short, 0)
        }

        init(control: UInt8) {
            (count, second, low) = (6, UInt8(ascii: "u"), control)
        }

        func byte(_ offset: Int) -> UInt8 {
            let hex: StaticString = "0123456789abcdef"
            switch offset {
            case 0: return UInt8(ascii: "\\")
            case 1: return second
            case 2, 3: return UInt8(ascii: "0")
            case 4: return hex.utf8Start[Int(low >> 4)]
            default: return hex.utf8Start[Int(low & 0xF)]
            }
        }
    }

    private static func escape(of byte: UInt8) -> Escape {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): Escape(short: byte)
        case UInt8(ascii: "\n"): Escape(short: UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): Escape(short: UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): Escape(short: UInt8(ascii: "t"))
        case 0x08: Escape(short: UInt8(ascii: "b"))
        case 0x0C: Escape(short: UInt8(ascii: "f"))
        default: Escape(control: byte)
        }
    }

    /// Writes `value` in decimal, digit by digit: made a `String` first, each number was an
    /// allocation.
    package mutating func number(_ value: Int) {
        DecimalDigits.withDigits(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Writes a number, `true`/`false` or `null` as is.
    package mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @usableFromInline mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        hasMembers = false
    }

    @usableFromInline mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasMembers { newLine() }
        bytes.append(bracket)
        hasMembers = true
    }

    mutating func newMember() {
        if hasMembers { bytes.append(UInt8(ascii: ",")) }
        newLine()
        hasMembers = true
    }

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}

/// A value that can write itself with ``JSONWriter``.
package protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension String: JSONWritable {
    package func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    package func write(to json: inout JSONWriter) { json.number(self) }
}

extension Bool: JSONWritable {
    package func write(to json: inout JSONWriter) { json.raw(self ? "true" : "false") }
}

extension Array: JSONWritable where Element: JSONWritable {
    package func write(to json: inout JSONWriter) { json.array(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            for key in keys.sorted() { json.field(key, self[key]) }
        }
    }
}
