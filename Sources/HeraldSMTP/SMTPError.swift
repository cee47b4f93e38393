/// Why the SMTP client could not do what it was asked, with what a caller needs to act:
/// whether to retry (`isRetryable`), the server's reply, the step and the offending field.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set compared with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        private init(_ name: String) { description = name }

        /// The configuration URL or an option is unusable.
        public static let invalidConfiguration = Code("invalid configuration")
        /// A user is configured but the password's environment variable is unset or empty.
        public static let missingPassword = Code("missing password")
        /// An envelope address or header value holds CR, LF, NUL or another control character.
        public static let unsafeValue = Code("unsafe value")
        /// An envelope address that is not `local@domain` within RFC 5321's limits.
        public static let invalidAddress = Code("invalid address")
        /// A line of the message longer than RFC 5322's 998 octets.
        public static let lineTooLong = Code("line too long")
        /// The server could not be reached (refused, unresolvable, connect timeout).
        public static let connectionFailed = Code("connection failed")
        /// The connection closed or broke while the client waited for a reply.
        public static let connectionClosed = Code("connection closed")
        /// No reply within the command timeout or the overall deadline.
        public static let timedOut = Code("timed out")
        /// The TLS handshake failed: an untrusted certificate, a name mismatch, no common protocol.
        public static let tlsFailed = Code("TLS failed")
        /// STARTTLS is required but the server does not offer it.
        public static let startTLSUnavailable = Code("STARTTLS unavailable")
        /// The server offers neither AUTH PLAIN nor AUTH LOGIN, or no AUTH at all.
        public static let authenticationUnsupported = Code("authentication unsupported")
        /// The server refused the credentials (535) or could not check them now (454).
        public static let authenticationFailed = Code("authentication failed")
        /// The server refused a session command (greeting, EHLO, STARTTLS, RSET).
        public static let rejected = Code("rejected")
        /// The message is larger than the SIZE the server advertised.
        public static let messageTooLarge = Code("message too large")
        /// The message needs an extension the server lacks (8BITMIME, SMTPUTF8).
        public static let extensionRequired = Code("extension required")
        /// The server sent something that is not SMTP.
        public static let protocolViolation = Code("protocol violation")
    }

    public let code: Code
    /// What the client was doing.
    public let command: SMTPCommand?
    /// The server's reply, when one caused the failure.
    public let reply: SMTPReply?
    /// The refused field for `unsafeValue`, `invalidAddress` and `lineTooLong`: `recipient 2`, `Subject`.
    public let field: String?
    /// The detail, for people.
    public let message: String

    public init(
        _ code: Code, _ message: String, command: SMTPCommand? = nil, reply: SMTPReply? = nil, field: String? = nil
    ) {
        self.code = code
        self.message = message
        self.command = command
        self.reply = reply
        self.field = field
    }

    /// True when trying again later (on a new connection) may succeed: a dropped connection, a timeout,
    /// or a 4xx reply. A bulk sender defers these and fails the rest.
    public var isRetryable: Bool {
        switch code {
        case .connectionFailed, .connectionClosed, .timedOut: true
        default: reply?.category == .transient
        }
    }

    public var description: String {
        var parts = ["SMTP \(code)"]
        if let command { parts.append("during \(command)") }
        if let field { parts.append("in \(field)") }
        var text = parts.joined(separator: " ") + ": " + message
        if let reply { text += " (server: \(reply))" }
        return text
    }

    static func protocolViolation(_ message: String) -> SMTPError { SMTPError(.protocolViolation, message) }

    static func rejected(_ reply: SMTPReply, by command: SMTPCommand) -> SMTPError {
        SMTPError(.rejected, "the server refused \(command)", command: command, reply: reply)
    }
}
