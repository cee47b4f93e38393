public import Foundation
public import HeraldList
public import HeraldSMTP

/// Everything `herald list serve` needs, read from herald.toml, the environment and the command
/// line before the service starts, so that a mistake stops it at once with a message.
public struct ListServiceOptions: Sendable {
    public var host: String
    public var port: Int
    /// Where readers reach the service, and the secret its links are signed with.
    public var links: ListLinks
    /// The relay confirmation mails go to.
    public var smtp: SMTPConfiguration
    /// `Name <address>` the confirmation mails come from, and the key it was read from.
    public var from: String
    public var fromKey: String
    public var siteTitle: String
    /// The site's address: pages link back to it, and its origin may call the service from a script.
    public var siteURL: String
    /// More origins allowed to call `POST /subscribe` from a page's script (CORS).
    public var extraOrigins: [String] = []
    /// The newsletter's `theme/` folder, whose `list-*.mustache` files replace the default pages.
    public var themeFolder: URL?
    /// Sign-ups a client address may make a minute (0: no limit), and the burst it may make at once.
    public var signUpsPerMinute = 6
    public var signUpBurst = 10
    /// Whether the client address comes from the last `X-Forwarded-For` entry, behind a proxy
    /// on the same machine; otherwise such a header is ignored, as anyone can send one.
    public var trustsForwardedFor = false
    /// The largest request body read: a sign-up is a few hundred bytes.
    public var bodyLimit = 16 * 1024

    public init(
        host: String, port: Int, links: ListLinks, smtp: SMTPConfiguration, from: String, fromKey: String,
        siteTitle: String, siteURL: String
    ) {
        self.host = host
        self.port = port
        self.links = links
        self.smtp = smtp
        self.from = from
        self.fromKey = fromKey
        self.siteTitle = siteTitle
        self.siteURL = siteURL
    }

    /// The origins (`scheme://host[:port]`) allowed by CORS: the site's and the extra ones.
    var allowedOrigins: Set<String> {
        Set(([siteURL] + extraOrigins).compactMap(Self.origin))
    }

    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
