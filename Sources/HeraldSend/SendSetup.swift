import Foundation
public import HeraldCore
import HeraldEmail
import HeraldList
import HeraldSMTP

/// Everything a send needs, made from the newsletter's `herald.toml` and the environment, with
/// one error per missing piece that says which key to set.
public struct SendSetup: Sendable {
    public let sender: IssueSender
    public let issueNumber: Int
    /// The edition's warnings (a message Gmail would clip).
    public let warnings: [Problem]

    /// Options given on the command line, which win over `[send]`.
    public struct Overrides: Sendable {
        public var rate: Double?
        public var connections: Int?
        public var retry = RetryPolicy()

        public init(rate: Double? = nil, connections: Int? = nil) {
            self.rate = rate
            self.connections = connections
        }
    }

    /// Renders `issue`'s edition once and prepares its personalisation and relays.
    ///
    /// - Throws: ``HeraldError`` for a broken edition (naming the file and line), ``SendError``
    ///   for a missing or unusable setting.
    public init(
        newsletter: NewsletterFolder, issue: IssueFile, environment: [String: String], overrides: Overrides = .init()
    ) throws {
        let configuration = newsletter.configuration
        guard let number = issue.metadata.number else {
            throw SendError(.invalidConfiguration, "\(issue.path) has no Number line; only numbered issues are sent")
        }
        let marker = MessageTemplate.randomMarker()
        var editionConfiguration = configuration
        editionConfiguration.email.unsubscribeURL = nil
        editionConfiguration.email.unsubscribePlaceholder = marker
        let renderer = try EmailRenderer(
            configuration: editionConfiguration, themeFolder: newsletter.buildInputs.theme,
            displayFolder: newsletter.themeDisplayPath)
        let edition = try renderer.render(issue)
        let template = try MessageTemplate(edition: edition, marker: marker)
        let links = try Self.links(configuration, folder: newsletter.root, environment: environment)
        let host = URL(string: configuration.site.baseURL)?.host ?? "localhost"
        let signer = try DKIMSetup.signer(for: configuration, folder: newsletter.root, fromHost: host)
        let personalisation = Personalisation(
            template: template, links: links, messageDomain: host, signer: signer)
        let relays = try Self.relays(configuration, folder: newsletter.root, environment: environment)
        sender = IssueSender(
            personalisation: personalisation, envelopeSender: Self.envelopeSender(configuration),
            relays: relays, connections: overrides.connections ?? configuration.send.connections,
            rate: overrides.rate ?? configuration.send.rate, retry: overrides.retry)
        issueNumber = number
        warnings = edition.warnings
    }

    static func links(_ configuration: NewsletterConfiguration, folder: URL, environment: [String: String])
        throws(SendError) -> ListLinks
    {
        guard let base = configuration.list.url else {
            throw SendError(
                .invalidConfiguration,
                "\(NewsletterConfiguration.fileName): [list] url is not set; every message needs an unsubscribe "
                    + "link to the list service (write url = \"https://list.example.org\")")
        }
        do {
            let file = configuration.list.secretFile.map { Self.path($0, in: folder) }
            let secret = try ListSecret.load(environment: environment, file: file)
            return try ListLinks(base: base, signer: ListTokenSigner(secret: secret))
        } catch {
            throw SendError(.invalidConfiguration, "\(NewsletterConfiguration.fileName): \(error)")
        }
    }

    static func relays(_ configuration: NewsletterConfiguration, folder: URL, environment: [String: String])
        throws(SendError) -> [Relay]
    {
        var entries = configuration.send.relays
        if entries.isEmpty, let smtp = configuration.list.smtp { entries = [.init(url: smtp)] }
        guard !entries.isEmpty else {
            throw SendError(
                .invalidConfiguration,
                "\(NewsletterConfiguration.fileName): neither [send] smtp nor [list] smtp names a relay "
                    + "(write smtp = \"smtp://user@relay.example.org:587\" under [send])")
        }
        return try entries.map { entry throws(SendError) in
            var smtp: SMTPConfiguration
            do {
                smtp = try SMTPConfiguration(url: entry.url, environment: environment)
            } catch {
                throw SendError(.invalidConfiguration, "\(NewsletterConfiguration.fileName): [send] smtp: \(error)")
            }
            smtp.additionalTrustFile = configuration.list.smtpTrust.map { Self.path($0, in: folder) }
            // A relay on this machine (Postfix on 127.0.0.1:25) is a usual setup and never leaves it.
            smtp.allowsPlaintextOnLoopback = true
            let timeout = Duration.seconds(configuration.send.timeout)
            smtp.timeouts = SMTPTimeouts(connect: min(timeout, .seconds(30)), command: timeout, operation: timeout * 5)
            return Relay(configuration: smtp, weight: entry.weight)
        }
    }

    /// The address bounces go to: that of `[list] from`, else `[email] from`, else `newsletter@`
    /// the site's host.
    static func envelopeSender(_ configuration: NewsletterConfiguration) -> String {
        Mailbox.address(of: Mailbox.listSender(configuration).mailbox)
    }

    /// The domain of `[email] from`, which DKIM signs for unless `[send] dkim_domain` says otherwise.
    static func fromDomain(_ configuration: NewsletterConfiguration) -> String? {
        guard let mailbox = configuration.email.from else { return nil }
        let from = Mailbox.address(of: mailbox)
        guard let at = from.lastIndex(of: "@") else { return nil }
        let domain = from[from.index(after: at)...].trimmingCharacters(in: .whitespaces)
        return domain.isEmpty ? nil : domain
    }

    static func path(_ path: String, in folder: URL) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : folder.appendingPathComponent(expanded).path
    }
}
