import Foundation
import HeraldEmail
import HeraldList

/// The words of the double opt-in mail: who asked, the link, what happens if nothing is done.
struct ConfirmationMail: Sendable {
    /// `[list] from`, else `[email] from`, else the newsletter's own address at the site's host.
    let from: String
    let fromKey: String
    let siteTitle: String
    let host: String

    /// The envelope sender: the address inside `from`'s angle brackets, or `from` itself.
    var senderAddress: String { Mailbox.address(of: from) }

    func notice(to address: EmailAddress, link: String) -> NoticeMail {
        let text = """
            Someone, probably you, asked to receive \(siteTitle) by email at this address.

            To confirm, open this link within seven days:

            \(link)

            If it was not you, do nothing: without a confirmation this address gets no further mail from us.

            """
        return NoticeMail(
            from: from, fromKey: fromKey, to: address.text, subject: "Confirm your subscription to \(siteTitle)",
            text: text, host: host)
    }
}
