import Foundation
public import HeraldList

/// Makes one reader's message: the template's segments with their address, `Message-ID` and
/// unsubscribe link, signed when a signer is given.
public struct Personalisation: Sendable {
    public let template: MessageTemplate
    public let links: ListLinks
    /// The domain after `@` in every `Message-ID`.
    public let messageDomain: String
    public let signer: (any MessageSigner)?

    public init(template: MessageTemplate, links: ListLinks, messageDomain: String, signer: (any MessageSigner)?) {
        self.template = template
        self.links = links
        self.messageDomain = messageDomain
        self.signer = signer
    }

    /// The message for subscriber `subscriberID` at `address` in send `sendID` of `issue`. The
    /// `Message-ID` is the same on every try, so a relay or reader can tell a repeat.
    public func message(issue: Int, sendID: String, subscriberID: Int64, address: String) -> [UInt8] {
        let bytes = template.message(
            to: address, messageID: "herald.\(issue).\(sendID).\(subscriberID)@\(messageDomain)",
            unsubscribeURL: links.unsubscribeURL(for: subscriberID))
        return signer?.sign(bytes) ?? bytes
    }
}

/// Signs a complete message by adding a header field (DKIM).
public protocol MessageSigner: Sendable {
    func sign(_ message: [UInt8]) -> [UInt8]
}
