import NIOCore

extension SMTPMessage {
    /// The message as it goes after DATA (RFC 5321 §4.5.2): every line ended by CRLF, a line that starts
    /// with "." given a second one, and the closing `.` line.
    func transferEncoded() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(bytes.count + bytes.count / 40 + 5)
        for line in Lines(bytes) {
            if bytes[line].first == UInt8(ascii: ".") { buffer.writeInteger(UInt8(ascii: ".")) }
            buffer.writeBytes(bytes[line])
            buffer.writeBytes([13, 10])
        }
        buffer.writeBytes(Array(".\r\n".utf8))
        return buffer
    }

    /// The size RFC 1870 compares with SIZE: octets with CRLF line breaks, before dot-stuffing.
    var transferSize: Int {
        var size = 0
        for line in Lines(bytes) { size += line.count + 2 }
        return size
    }
}

/// The lines of a byte array as ranges without their breaks, which may be CRLF, LF or a lone CR.
/// A last line without a break is included; an empty tail after the last break is not.
struct Lines: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func next() -> Range<Int>? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        var end = start
        while end < bytes.endIndex, bytes[end] != 10, bytes[end] != 13 { end += 1 }
        position = end
        if position < bytes.endIndex {
            position += bytes[position] == 13 && position + 1 < bytes.endIndex && bytes[position + 1] == 10 ? 2 : 1
        }
        return start..<end
    }
}
