public import Foundation

/// Where and how to submit mail: read from a URL such as `smtp://user@host:587` (STARTTLS) or
/// `smtps://user@host:465` (TLS from the first byte), with the password from the environment.
///
/// The password never comes from the URL, which lives in a committed configuration file, and
/// `description` never shows it, so the configuration can be logged.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: Sendable {
        /// Plain TCP upgraded with STARTTLS before anything else is said (submission, port 587).
        case startTLS
        /// TLS from the first byte (submissions, port 465, RFC 8314).
        case implicitTLS
    }

    /// The environment variable read for the password unless another is named.
    public static let defaultPasswordVariable = "HERALD_SMTP_PASSWORD"

    public var host: String
    public var port: Int
    public var security: Security
    public var user: String?
    public var password: String?
    /// A PEM file of certificates trusted in addition to the system's roots: a private CA, or the
    /// relay's own self-signed certificate.
    public var additionalTrustFile: String?
    /// Lets `smtp://` to 127.0.0.1, ::1 or localhost go on without TLS when the server offers no
    /// STARTTLS. For tests and a relay on the same machine; other hosts always need TLS.
    public var allowsPlaintextOnLoopback = false
    /// The name said in EHLO.
    public var clientName: String
    public var timeouts = SMTPTimeouts()

    public init(host: String, port: Int, security: Security, user: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.user = user
        self.password = password
        self.clientName = Self.defaultClientName()
    }

    /// Reads `smtp://[user@]host[:port]` or `smtps://…`; the password, needed when a user is given,
    /// comes from `environment[passwordVariable]`.
    public init(
        url text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        passwordVariable: String = SMTPConfiguration.defaultPasswordVariable
    ) throws(SMTPError) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            throw Self.invalid(
                "'\(Self.redacted(text))' is not a URL; write smtp://user@host:587 or smtps://user@host:465")
        }
        let security: Security
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        default: throw Self.invalid("the scheme '\(scheme)' is not smtp or smtps")
        }
        guard let host = url.host, !host.isEmpty else { throw Self.invalid("the URL names no host") }
        guard url.password == nil else {
            throw Self.invalid("the URL holds a password; remove it and set \(passwordVariable) instead")
        }
        guard url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil else {
            throw Self.invalid("the URL has a path, query or fragment; only smtp[s]://user@host:port is read")
        }
        let port = url.port ?? (security == .startTLS ? 587 : 465)
        guard (1...65535).contains(port) else { throw Self.invalid("the port \(port) is not 1 to 65535") }
        self.init(host: host, port: port, security: security)
        if let user = url.user, !user.isEmpty {
            guard let password = environment[passwordVariable], !password.isEmpty else {
                throw SMTPError(
                    .missingPassword, "the URL names the user '\(user)' but \(passwordVariable) is not set")
            }
            self.user = user
            self.password = password
        }
    }

    /// The URL form without any secret: `smtp://user@host:587`.
    public var description: String {
        let scheme = security == .startTLS ? "smtp" : "smtps"
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(user.map { "\($0)@" } ?? "")\(name):\(port)"
    }

    /// True for 127.0.0.0/8, ::1 and localhost: a connection that never leaves the machine.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    private static func invalid(_ message: String) -> SMTPError { SMTPError(.invalidConfiguration, message) }

    /// The URL with anything between `://` and `@` that contains `:` hidden, for error messages.
    private static func redacted(_ text: String) -> String {
        guard let start = text.range(of: "://"), let at = text[start.upperBound...].firstIndex(of: "@") else {
            return text
        }
        let credentials = text[start.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    /// The machine's name when it looks like a domain, else `localhost`: EHLO needs a plain name.
    private static func defaultClientName() -> String {
        let name = ProcessInfo.processInfo.hostName
        let allowed = name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        return !name.isEmpty && name.utf8.count <= 253 && allowed ? name : "localhost"
    }
}

/// How long the client waits: for the TCP connection, for each reply, and for a whole operation
/// (opening a session, or one message from MAIL FROM to the final reply).
public struct SMTPTimeouts: Sendable {
    public var connect: Duration = .seconds(30)
    /// RFC 5321 §4.5.3.2 suggests minutes; a relay that stalls longer is better given up on and retried.
    public var command: Duration = .seconds(120)
    public var operation: Duration = .seconds(600)

    public init(
        connect: Duration = .seconds(30), command: Duration = .seconds(120), operation: Duration = .seconds(600)
    ) {
        self.connect = connect
        self.command = command
        self.operation = operation
    }
}
