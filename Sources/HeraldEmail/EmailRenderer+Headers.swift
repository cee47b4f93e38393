import Foundation
import HeraldCore
import HeraldSite

extension EmailRenderer {
    /// The message's header fields, each made by ``MailHeader`` from a value whose origin it
    /// names if the value would break the header.
    ///
    /// - Throws: ``HeraldError`` naming the `herald.toml` key or the issue's line whose value
    ///   holds a control character.
    func headers(of issue: IssueFile, date: FeedDate) throws(HeraldError) -> [MailHeader] {
        let metadata = issue.metadata
        let email = configuration.email
        let host = URL(string: configuration.site.baseURL)?.host ?? "localhost"
        let siteTitle = (configuration.site.title, MailHeader.Origin.configuration("[site] title"))
        let subject = email.subject.filled(with: [
            "title": metadata.title, "number": metadata.number.map(String.init) ?? "",
            "date": metadata.date.description, "site": configuration.site.title,
        ])
        let identifier = metadata.number.map(String.init) ?? metadata.slug
        let identifierOrigin: MailHeader.Origin =
            metadata.number == nil ? .metadata("Slug", of: issue) : .metadata("Number", of: issue)
        let from = Mailbox.editionSender(configuration)
        var headers: [MailHeader] = [
            try .mailbox("From", from.mailbox, from: .configuration(from.key)),
            try .mailbox("To", email.to, from: .configuration("[email] to")),
        ]
        headers.append(
            try .text(
                "Subject", subject,
                from: [
                    (metadata.title, .metadata("Title", of: issue)), siteTitle,
                    (email.subject.description, .configuration("[email] subject")),
                ]))
        headers.append(try .structured("Date", date.rfc822, from: .metadata("Date", of: issue)))
        headers.append(
            try .structured(
                "Message-ID", "<herald.\(identifier).\(metadata.date.description)@\(host)>", from: identifierOrigin))
        if let unsubscribe = email.unsubscribeURL {
            let origin = MailHeader.Origin.configuration("[email] unsubscribe_url")
            headers.append(try .structured("List-Unsubscribe", "<\(unsubscribe)>", from: origin))
            headers.append(try .structured("List-Unsubscribe-Post", "List-Unsubscribe=One-Click", from: origin))
        }
        return headers
    }
}
