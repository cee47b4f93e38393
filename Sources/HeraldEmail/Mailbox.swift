import Foundation
public import HeraldCore

/// Senders as herald.toml writes them (`Name <address>` or an address), read in one place: which
/// key gives the sender of each kind of mail, and the address an envelope needs.
public enum Mailbox {
    /// The address inside the angle brackets, or the whole text trimmed when there are none.
    public static func address(of text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(text[text.index(after: open)..<close])
    }

    /// The email edition's sender: `[email] from`, else the site's title at `newsletter@` the
    /// site's host; with the herald.toml key a bad value is reported under.
    public static func editionSender(_ configuration: NewsletterConfiguration) -> (mailbox: String, key: String) {
        if let from = configuration.email.from { return (from, "[email] from") }
        let host = URL(string: configuration.site.baseURL)?.host ?? "localhost"
        return ("\(configuration.site.title) <newsletter@\(host)>", "[site] title")
    }

    /// The sender of the list's own mails and of sent issues' envelopes: `[list] from`, else the
    /// edition's sender.
    public static func listSender(_ configuration: NewsletterConfiguration) -> (mailbox: String, key: String) {
        configuration.list.from.map { ($0, "[list] from") } ?? editionSender(configuration)
    }
}
