/// Who a message is from and to, as told to the server in MAIL FROM and RCPT TO.
///
/// Every address is checked when the envelope is made, so a CR or LF from a sign-up form can never
/// add a command to the session (`RCPT TO:<a@b>\r\nRCPT TO:<victim@c>`).
public struct SMTPEnvelope: Hashable, Sendable {
    /// The reverse path; empty for the null sender `<>` that bounces use.
    public let sender: String
    public let recipients: [String]

    public init(sender: String, recipients: [String]) throws(SMTPError) {
        guard !recipients.isEmpty else {
            throw SMTPError(.invalidAddress, "a message needs a recipient", field: "recipients")
        }
        if !sender.isEmpty { try Self.check(sender, field: "sender") }
        for (index, recipient) in recipients.enumerated() {
            try Self.check(recipient, field: "recipient \(index + 1)")
        }
        self.sender = sender
        self.recipients = recipients
    }

    public init(sender: String, recipient: String) throws(SMTPError) {
        try self.init(sender: sender, recipients: [recipient])
    }

    /// True when an address has non-ASCII characters, which only SMTPUTF8 servers accept (RFC 6531).
    public var requiresSMTPUTF8: Bool { ([sender] + recipients).contains { $0.utf8.contains { $0 >= 0x80 } } }

    /// Refuses control characters first (they name the real danger), then what RFC 5321 §4.5.3.1 rules out:
    /// a missing `@`, an empty part, a local part over 64 or a path over 254 octets, spaces and angle brackets.
    static func check(_ address: String, field: String) throws(SMTPError) {
        if let byte = address.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw SMTPError(
                .unsafeValue, "the address holds the control character \(ControlCharacter.name(byte))", field: field)
        }
        let octets = address.utf8
        guard octets.count <= 254 else {
            throw SMTPError(.invalidAddress, "the address has \(octets.count) octets, more than 254", field: field)
        }
        guard let at = address.lastIndex(of: "@"), at != address.startIndex,
            address.index(after: at) != address.endIndex
        else { throw SMTPError(.invalidAddress, "the address is not local-part@domain", field: field) }
        guard address[..<at].utf8.count <= 64 else {
            throw SMTPError(.invalidAddress, "the local part is longer than 64 octets", field: field)
        }
        guard !address.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) else {
            throw SMTPError(.invalidAddress, "the address holds a space or an angle bracket", field: field)
        }
    }
}

/// Names control characters in error messages, since printing them would be the injection itself.
enum ControlCharacter {
    static func name(_ byte: UInt8) -> String {
        switch byte {
        case 0x00: "NUL"
        case 0x09: "TAB"
        case 0x0A: "LF"
        case 0x0D: "CR"
        case 0x7F: "DEL"
        default: "0x" + String(byte, radix: 16, uppercase: true)
        }
    }
}
