/// Assembles replies from lines as they arrive: `250-first`, `250-second`, `250 last`.
///
/// Pure and byte-based so it can be tested without a network; the channel's decoder feeds it.
/// Limits keep a hostile or broken server from growing a reply without bound.
struct SMTPReplyParser {
    /// RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; real servers go further, so allow more.
    static let maximumLineLength = 4096
    static let maximumLineCount = 1000

    private var code: Int?
    private var lines: [String] = []

    /// Takes one line without its line break; returns the reply when this line completes it.
    mutating func consume(line bytes: some Collection<UInt8>) throws(SMTPError) -> SMTPReply? {
        guard bytes.count <= Self.maximumLineLength else {
            throw .protocolViolation("a reply line of \(bytes.count) bytes, more than \(Self.maximumLineLength)")
        }
        let line = Array(bytes)
        guard line.count >= 3, line[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(line[0])
        else { throw .protocolViolation("a reply line without a valid code: \(Self.quoted(line))") }
        let lineCode = line[0...2].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        if let code, code != lineCode {
            throw .protocolViolation("a multi-line reply changing its code from \(code) to \(lineCode)")
        }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .protocolViolation("a reply line with \(Self.quoted([separator])) after its code")
        }
        code = lineCode
        lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        if separator == UInt8(ascii: "-") {
            guard lines.count < Self.maximumLineCount else {
                throw .protocolViolation("a reply of more than \(Self.maximumLineCount) lines")
            }
            return nil
        }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        return reply
    }

    /// A short, printable rendering of what the server sent, for error messages.
    private static func quoted(_ bytes: [UInt8]) -> String {
        let printable = bytes.prefix(40).map { (32...126).contains($0) ? Character(UnicodeScalar($0)) : "?" }
        return "\"" + String(printable) + (bytes.count > 40 ? "…" : "") + "\""
    }
}
