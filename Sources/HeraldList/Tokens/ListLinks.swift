public import Foundation

/// The links a reader follows from a mail: confirming a sign-up, leaving the list. One place
/// writes them, so the sign-up service's confirmation mails and every sent issue agree with the
/// routes `herald list serve` answers.
public struct ListLinks: Sendable {
    /// The service's public address without a trailing slash (`https://list.example.org`).
    public let base: String
    public let signer: ListTokenSigner

    /// The path `GET` confirms on; the query carries the token.
    public static let confirmPath = "/confirm"
    /// The path that shows the one-button page (`GET`) and unsubscribes (`POST`, RFC 8058).
    public static let unsubscribePath = "/unsubscribe"

    /// Links under `base` (`[list] url`), which must be an `http` or `https` address.
    public init(base: String, signer: ListTokenSigner) throws(ListLinksError) {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            url.host?.isEmpty == false, url.query == nil, url.fragment == nil,
            base.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { throw ListLinksError(base: base) }
        self.base = base
        self.signer = signer
    }

    /// The confirmation link for a pending subscriber, valid for seven days from `now`.
    public func confirmURL(for subscriberID: Int64, now: Date = Date()) -> String {
        base + Self.confirmPath + "?token=" + signer.token(for: subscriberID, purpose: .confirm, now: now)
    }

    /// The unsubscribe link for a subscriber, valid for ever: the footer of every issue and the
    /// `List-Unsubscribe` header carry it.
    public func unsubscribeURL(for subscriberID: Int64, now: Date = Date()) -> String {
        base + Self.unsubscribePath + "?token=" + signer.token(for: subscriberID, purpose: .unsubscribe, now: now)
    }
}

/// `[list] url` is not a web address the links can start with.
public struct ListLinksError: Error, Sendable, CustomStringConvertible {
    public let base: String

    public var description: String {
        "[list] url '\(base)' is not an http or https address without a query (write https://list.example.org)"
    }
}
