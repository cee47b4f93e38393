import Foundation
import HeraldCore
import HeraldSite

extension EmailRenderer {
    /// The message's header fields, encoded for the wire.
    func headers(of issue: IssueFile, date: FeedDate) -> [(name: String, value: String)] {
        let metadata = issue.metadata
        let email = configuration.email
        let host = URL(string: configuration.site.baseURL)?.host ?? "localhost"
        let subject = email.subject.filled(with: [
            "title": metadata.title, "number": metadata.number.map(String.init) ?? "",
            "date": metadata.date.description, "site": configuration.site.title,
        ])
        let identifier = metadata.number.map(String.init) ?? metadata.slug
        var headers: [(name: String, value: String)] = [
            ("From", Self.mailbox(email.from ?? "\(configuration.site.title) <newsletter@\(host)>")),
            ("To", Self.mailbox(email.to)),
            ("Subject", EncodedWord.header(Self.singleLine(subject))),
            ("Date", date.rfc822),
            ("Message-ID", "<herald.\(identifier).\(metadata.date.description)@\(host)>"),
        ]
        if let unsubscribe = email.unsubscribeURL {
            headers.append(("List-Unsubscribe", "<\(Self.singleLine(unsubscribe))>"))
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        return headers
    }

    /// `Name <address>` with the name encoded when it is not ASCII and quoted when it holds
    /// characters RFC 5322 reserves (a title such as `This Week in Rust, Inc.`).
    static func mailbox(_ text: String) -> String {
        let text = singleLine(text)
        guard let open = text.lastIndex(of: "<") else { return text }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let address = text[open...]
        if name.isEmpty || name.hasPrefix("\"") { return text }
        if name.utf8.contains(where: { $0 > 0x7E }) { return EncodedWord.header(name) + " " + address }
        if name.contains(where: { "()<>[]:;@\\,.\"".contains($0) }) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" \(address)"
        }
        return text
    }

    /// `text` with line breaks turned into spaces: a break inside a header value would start a
    /// new header.
    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
