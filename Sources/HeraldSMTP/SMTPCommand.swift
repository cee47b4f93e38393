/// The step of a session a reply or a failure belongs to, named as a report should say it.
///
/// An open set: new steps (BDAT, say) can be added without breaking a caller's comparisons.
public struct SMTPCommand: Hashable, Sendable, CustomStringConvertible {
    public let description: String

    private init(_ name: String) { description = name }

    public static let connect = SMTPCommand("connect")
    public static let greeting = SMTPCommand("greeting")
    public static let ehlo = SMTPCommand("EHLO")
    public static let startTLS = SMTPCommand("STARTTLS")
    public static let auth = SMTPCommand("AUTH")
    public static let mailFrom = SMTPCommand("MAIL FROM")
    public static let rcptTo = SMTPCommand("RCPT TO")
    public static let data = SMTPCommand("DATA")
    /// The message content and its final dot: the reply that says whether the message was taken.
    public static let endOfData = SMTPCommand("end of data")
    public static let rset = SMTPCommand("RSET")
    public static let quit = SMTPCommand("QUIT")
}
