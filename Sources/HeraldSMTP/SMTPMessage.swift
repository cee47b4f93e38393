/// A composed message, as bytes: the caller writes the MIME (Herald's mail writer does); this type
/// checks that its header section cannot smuggle extra headers or commands and that its lines fit SMTP.
///
/// Line breaks may be CRLF, LF or CR; they are sent as CRLF. Lines may not exceed RFC 5322's 998 octets,
/// and the message may not hold NUL, which SMTP cannot carry.
public struct SMTPMessage: Sendable {
    /// The message as handed over, before line-break normalisation and dot-stuffing.
    public let bytes: [UInt8]

    /// A message from header fields (each checked) and a body that starts after the blank line.
    public init(headers: [SMTPHeaderField], body: some Collection<UInt8>) throws(SMTPError) {
        var bytes: [UInt8] = []
        for field in headers {
            try field.check()
            bytes += Array(field.name.utf8) + Array(": ".utf8) + Array(field.value.utf8) + [13, 10]
        }
        bytes += [13, 10]
        bytes += body
        try self.init(composed: bytes)
    }

    /// A message already composed, header section first; its header lines are checked one by one.
    public init(composed bytes: [UInt8]) throws(SMTPError) {
        try Self.check(bytes)
        self.bytes = bytes
    }

    /// True when some byte is above 127, which needs 8BITMIME (RFC 6152).
    public var hasEightBitData: Bool { bytes.contains { $0 >= 0x80 } }

    /// Walks the lines: in the header section each must be a field (`Name: value`) or its folded
    /// continuation without control characters; everywhere, no NUL and no line over 998 octets.
    private static func check(_ bytes: [UInt8]) throws(SMTPError) {
        var inHeader = true
        var fieldName = "header line 1"
        var lineNumber = 0
        for line in Lines(bytes) {
            lineNumber += 1
            let content = bytes[line]
            let field = inHeader ? fieldName : "body line \(lineNumber)"
            guard content.count <= 998 else {
                throw SMTPError(.lineTooLong, "a line of \(content.count) octets; SMTP allows 998", field: field)
            }
            if content.contains(0) {
                throw SMTPError(.unsafeValue, "the message holds the control character NUL", field: field)
            }
            guard inHeader else { continue }
            if content.isEmpty {
                inHeader = false
                continue
            }
            if content.first == UInt8(ascii: " ") || content.first == UInt8(ascii: "\t") {
                guard lineNumber > 1 else {
                    throw SMTPError(.unsafeValue, "the message starts with a folded line", field: "header line 1")
                }
            } else {
                guard let colon = content.firstIndex(of: UInt8(ascii: ":")), colon > content.startIndex,
                    content[..<colon].allSatisfy({ (33...126).contains($0) })
                else {
                    throw SMTPError(
                        .unsafeValue, "a header line is not 'Name: value'", field: "header line \(lineNumber)")
                }
                fieldName = String(decoding: content[..<colon], as: UTF8.self)
            }
            if let byte = content.first(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                throw SMTPError(
                    .unsafeValue, "the value holds the control character \(ControlCharacter.name(byte))",
                    field: fieldName)
            }
        }
    }
}

/// One header field handed to the client: `Subject: Weekly 533`.
public struct SMTPHeaderField: Hashable, Sendable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Refuses a name outside RFC 5322's printable set and a value with CR, LF, NUL or another
    /// control character: a value is one line, and folding is the writer's business.
    func check() throws(SMTPError) {
        guard !name.isEmpty, name.utf8.allSatisfy({ (33...126).contains($0) && $0 != UInt8(ascii: ":") }) else {
            throw SMTPError(
                .unsafeValue, "the field name is empty or holds a space, colon or control character",
                field: "header name")
        }
        if let byte = value.utf8.first(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            throw SMTPError(
                .unsafeValue, "the value holds the control character \(ControlCharacter.name(byte))",
                field: name)
        }
    }
}
