import Foundation

/// A complete RFC 5322 message with a plain-text and an HTML part (multipart/alternative), as a
/// `.eml` file a mail client opens or a mailing service imports.
///
/// Both parts are UTF-8 in quoted-printable, so every line is short and 7-bit; lines end in
/// CRLF as RFC 5322 requires.
struct MIMEMessage: Sendable {
    /// Header fields in order.
    var headers: [MailHeader]
    var plainText: String
    var html: String

    /// The boundary between the parts: `=_` cannot occur in quoted-printable output, so it can
    /// never collide with a line of either part.
    private static let boundary = "=_herald-alternative"

    /// The message as it goes on the wire.
    var rendered: String {
        var lines = headers.map(\.line)
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: multipart/alternative; boundary=\"\(Self.boundary)\"")
        lines.append("")
        lines.append("This is a message in MIME format; your mail client shows one of its two parts.")
        var message = lines.joined(separator: "\r\n") + "\r\n"
        for (type, body) in [("text/plain", plainText), ("text/html", html)] {
            message += "\r\n--\(Self.boundary)\r\n"
            message += "Content-Type: \(type); charset=utf-8\r\n"
            message += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += QuotedPrintable.encode(body)
        }
        message += "\r\n--\(Self.boundary)--\r\n"
        return message
    }
}
