import Foundation
import HeraldCore
public import HeraldList
import Hummingbird
public import Logging

/// `herald list serve`: the sign-up service. Takes sign-ups from the site's subscribe box,
/// mails the confirmation link through the relay, confirms, and unsubscribes with one click.
///
/// The pieces: ``ListResponder`` answers requests, ``SignUpDesk`` (HeraldList) decides what a
/// request may change, ``ConfirmationMailer`` drains the mail queue in the background,
/// ``ClientRateLimiter`` slows down one client, ``ListPages`` words the answers.
public struct ListService: Sendable {
    public let options: ListServiceOptions
    public let store: any SubscriberStore

    public init(options: ListServiceOptions, store: any SubscriberStore) {
        self.options = options
        self.store = store
    }

    /// Serves until cancelled.
    ///
    /// - Parameter ready: called with the port once the service listens (useful with port 0).
    public func run(log: Logger, ready: @escaping @Sendable (Int) -> Void) async throws {
        let pages = try ListPages(
            themeFolder: options.themeFolder, siteTitle: options.siteTitle, siteURL: options.siteURL)
        let mailer = ConfirmationMailer(
            store: store, links: options.links,
            mail: ConfirmationMail(
                from: options.from, fromKey: options.fromKey, siteTitle: options.siteTitle,
                host: URL(string: options.siteURL)?.host ?? "localhost"),
            smtp: options.smtp, log: log)
        let responder = ListResponder(
            desk: SignUpDesk(store: store, signer: options.links.signer), pages: pages,
            limiter: ClientRateLimiter(perMinute: options.signUpsPerMinute, burst: options.signUpBurst),
            mailer: mailer, options: options, allowedOrigins: options.allowedOrigins, log: log)
        var serverLog = log
        // Hummingbird reports a stop by cancellation as an error; the service logs its own.
        serverLog.logLevel = .critical
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "herald"),
            onServerRunning: { channel in ready(channel.localAddress?.port ?? options.port) },
            logger: serverLog)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            group.addTask { await mailer.run() }
            try await group.next()
            group.cancelAll()
        }
    }
}
