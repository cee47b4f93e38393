import ArgumentParser
import Foundation
import HeraldCore
import HeraldEmail
import HeraldList
import HeraldListService
import HeraldSMTP
import Logging

/// `herald list serve`: the sign-up service readers reach from the site's subscribe box.
struct ListServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve sign-ups: subscribe with double opt-in, confirm, one-click unsubscribe.",
        discussion: """
            Needs [list] url (where readers reach the service), [list] smtp (the relay for \
            confirmation mails, password in HERALD_SMTP_PASSWORD) and the secret that signs links \
            (HERALD_LIST_SECRET or [list] secret_file). Routes: POST /subscribe, GET /confirm, \
            GET and POST /unsubscribe (RFC 8058 one-click), GET /health. Logs go to standard \
            error with addresses masked. See docs/list.md.
            """
    )

    @Option(help: "The address to listen on; put a TLS-terminating proxy in front for the public.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8090

    @Option(help: "Sign-ups one client address may make per minute; 0 for no limit.")
    var signupsPerMinute: Int = 6

    @Option(help: "Sign-ups one client address may make at once before the per-minute limit applies.")
    var signupBurst: Int = 10

    @Flag(help: "Take the client address from X-Forwarded-For (only behind a proxy on this machine).")
    var trustForwardedFor = false

    @Option(help: ArgumentHelp("Another origin whose pages may post sign-ups from a script (CORS).", valueName: "url"))
    var allowOrigin: [String] = []

    @Flag(help: "Log only warnings and errors.")
    var quiet = false

    @OptionGroup var options: NewsletterOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard (0...100_000).contains(signupsPerMinute), (1...100_000).contains(signupBurst) else {
            throw ValidationError("--signups-per-minute must be 0 to 100000 and --signup-burst 1 to 100000.")
        }
    }

    func run() async throws {
        let configuration = try options.configuration()
        let folder = options.url
        var serviceOptions = try serviceOptions(configuration, folder: folder)
        serviceOptions.signUpsPerMinute = signupsPerMinute
        serviceOptions.signUpBurst = signupBurst
        serviceOptions.trustsForwardedFor = trustForwardedFor
        serviceOptions.extraOrigins = allowOrigin
        serviceOptions.themeFolder = folder.appendingPathComponent(BuildInputs.themeFolderName)
        let settings = serviceOptions
        var log = Logger(label: "herald.list", factory: { label in StreamLogHandler.standardError(label: label) })
        log.logLevel = quiet ? Logger.Level.warning : Logger.Level.info
        let logger = log
        // Everything answered is committed: a stop needs no more than a line in the log.
        let stops = StopSignals.exit(after: { logger.info("stopped") })
        defer { for stop in stops { stop.cancel() } }
        try await ListRun.withStore(options) { store in
            try await ListService(options: settings, store: store).run(log: logger) { port in
                let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
                // Unbuffered, so a supervisor or a test reading the pipe sees it at once.
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
            }
        }
    }

    /// The service's settings from herald.toml and the environment; a missing or wrong one is
    /// reported with exit status 2 before anything listens.
    private func serviceOptions(_ configuration: NewsletterConfiguration, folder: URL) throws -> ListServiceOptions {
        let environment = ProcessInfo.processInfo.environment
        let list = configuration.list
        do {
            guard let url = list.url else {
                throw ServeSetupError(
                    "[list] url is not set: write where readers reach this service, "
                        + "such as url = \"https://list.example.org\"")
            }
            guard let relay = list.smtp else {
                throw ServeSetupError(
                    "[list] smtp is not set: write the relay for confirmation mails, "
                        + "such as smtp = \"smtp://user@mail.example.org:587\"")
            }
            let secretFile = list.secretFile.map { URL(fileURLWithPath: $0, relativeTo: folder).path }
            let links = try ListLinks(
                base: url, signer: ListTokenSigner(secret: ListSecret.load(environment: environment, file: secretFile)))
            var smtp = try SMTPConfiguration(url: relay, environment: environment)
            smtp.additionalTrustFile = list.smtpTrust.map { URL(fileURLWithPath: $0, relativeTo: folder).path }
            smtp.allowsPlaintextOnLoopback = true
            let (from, key) = Mailbox.listSender(configuration)
            return ListServiceOptions(
                host: self.host, port: port, links: links, smtp: smtp, from: from, fromKey: key,
                siteTitle: configuration.site.title, siteURL: configuration.site.baseURL)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitCode(.unusable)
        }
    }
}

/// A setting `herald list serve` cannot start without.
private struct ServeSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
