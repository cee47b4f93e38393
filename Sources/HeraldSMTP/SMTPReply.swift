/// One reply from an SMTP server: the three-digit code, the enhanced status code when the server
/// gave one, and every line of its text, kept so a report can quote the server.
public struct SMTPReply: Hashable, Sendable, CustomStringConvertible {
    /// What a reply means for the command it answers.
    public enum Category: Sendable {
        /// 2xx: done.
        case success
        /// 3xx: go on (354 after DATA, 334 during AUTH).
        case intermediate
        /// 4xx: not now; the same command may succeed later.
        case transient
        /// 5xx: never; retrying changes nothing.
        case permanent
    }

    /// The three-digit reply code, 200 to 599.
    public let code: Int
    /// The RFC 3463 code at the start of the text (`5.1.1`), when the server gave one.
    public let enhancedStatusCode: EnhancedStatusCode?
    /// The text of each line after the code and separator, the enhanced status code included.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
        self.enhancedStatusCode = lines.first.flatMap { Self.enhancedStatusCode(in: $0, code: code) }
    }

    public var category: Category {
        switch code / 100 {
        case 2: .success
        case 3: .intermediate
        case 4: .transient
        default: .permanent
        }
    }

    public var isSuccess: Bool { category == .success }

    /// The server's words without codes, lines joined by a space: "No such mailbox here".
    public var text: String {
        lines.map { line in
            guard Self.enhancedStatusCode(in: line, code: code) != nil else { return line }
            return String(line.drop { $0 != " " }.dropFirst())
        }.joined(separator: " ")
    }

    /// The reply as the server sent its first line, further lines joined: "550 5.1.1 No such mailbox here".
    public var description: String { ([String(code)] + lines.filter { !$0.isEmpty }).joined(separator: " ") }

    /// Reads `x.y.z` at the start of `line` when its class agrees with the reply code (RFC 3463 §2),
    /// so a text that merely starts with a version number is not mistaken for one.
    static func enhancedStatusCode(in line: String, code: Int) -> EnhancedStatusCode? {
        let token = line.prefix { $0 != " " }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let statusClass = Int(parts[0]), let subject = Int(parts[1]), let detail = Int(parts[2]),
            parts[0].count == 1, statusClass == code / 100, [2, 4, 5].contains(statusClass)
        else { return nil }
        return EnhancedStatusCode(statusClass: statusClass, subject: subject, detail: detail)
    }
}
