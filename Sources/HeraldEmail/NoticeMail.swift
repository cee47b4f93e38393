public import Foundation
public import HeraldCore

/// A short plain-text mail of the list's own, such as the confirmation of a sign-up, written
/// with the same header writer as the email edition, so no value can add a header line.
public struct NoticeMail: Sendable {
    /// `Name <address>` or an address, and the `herald.toml` key it came from.
    public var from: String
    public var fromKey: String
    public var to: String
    public var subject: String
    public var text: String
    /// The host Message-IDs are made under: the site's.
    public var host: String

    public init(from: String, fromKey: String, to: String, subject: String, text: String, host: String) {
        self.from = from
        self.fromKey = fromKey
        self.to = to
        self.subject = subject
        self.text = text
        self.host = host
    }

    /// The message as it goes on the wire, dated `date`.
    ///
    /// - Throws: ``HeraldError`` naming the value that holds a control character.
    public func rendered(date: Date = Date()) throws(HeraldError) -> String {
        let recipient = MailHeader.Origin(file: "the sign-up", line: nil, name: "the subscriber's address")
        let headers: [MailHeader] = [
            try .mailbox("From", from, from: .configuration(fromKey)),
            try .mailbox("To", to, from: recipient),
            try .text("Subject", subject, from: [(subject, .configuration("[site] title"))]),
            try .structured("Date", Self.mailDate(date), from: .configuration("the clock")),
            try .structured(
                "Message-ID", "<herald.notice.\(UUID().uuidString.lowercased())@\(host)>",
                from: .configuration("[site] base_url")),
            // Tells vacation responders and ticket systems not to answer (RFC 3834).
            try .structured("Auto-Submitted", "auto-generated", from: .configuration("the notice")),
        ]
        var lines = headers.map(\.line)
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(text)
    }

    /// RFC 5322's date form in UTC: `Thu, 03 Dec 2026 16:20:05 +0000`.
    static func mailDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(parts.weekday ?? 1) - 1]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            (parts.month ?? 1) - 1]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):"
            + "\(two(parts.second)) +0000"
    }
}
