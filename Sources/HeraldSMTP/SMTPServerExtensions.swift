/// What a server offers, read from its EHLO reply (RFC 5321 §4.1.1.1 and the extensions' RFCs).
public struct SMTPServerExtensions: Hashable, Sendable {
    public var startTLS = false
    /// Uppercased SASL mechanism names: `PLAIN`, `LOGIN`, …
    public var authMechanisms: Set<String> = []
    public var pipelining = false
    /// Whether SIZE is advertised; `sizeLimit` is its value (nil or 0: no fixed limit).
    public var size = false
    public var sizeLimit: Int?
    public var eightBitMIME = false
    public var smtpUTF8 = false
    public var enhancedStatusCodes = false

    public init() {}

    /// Reads the keyword lines after the greeting line of an EHLO reply; unknown keywords are ignored.
    public init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = words.first else { continue }
            let keyword = first.uppercased()
            let parameters = words.dropFirst().map { $0.uppercased() }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "AUTH": authMechanisms.formUnion(parameters)
            case "PIPELINING": pipelining = true
            case "SIZE":
                size = true
                sizeLimit = parameters.first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            case "ENHANCEDSTATUSCODES": enhancedStatusCodes = true
            default:
                // Some older servers also say `AUTH=LOGIN PLAIN`.
                if keyword.hasPrefix("AUTH=") {
                    authMechanisms.insert(String(keyword.dropFirst(5)))
                    authMechanisms.formUnion(parameters)
                }
            }
        }
    }
}
