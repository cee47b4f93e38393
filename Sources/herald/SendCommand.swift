import ArgumentParser
import Foundation
import HeraldCore
import HeraldEmail
import HeraldList
import HeraldSend

/// `herald send`: the issue to every subscriber, through the send journal, each exactly once.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send an issue to every subscriber of the list, each once, resumable after any stop.",
        discussion: """
            The email edition is made once and personalised per reader (To, Message-ID, one-click \
            List-Unsubscribe and the footer's link). Relays, rate, connections and DKIM come from \
            [send] in herald.toml (see docs/send.md). A journal in the list database records every \
            recipient, so after a crash or kill 'herald send N --resume' sends only to those the relay \
            has not accepted. Exit status: 0 every recipient sent, 1 some failed, 2 unusable input, \
            configuration or database, 3 the relay could not be reached (resume later).
            """
    )

    @Argument(help: ArgumentHelp("The issue's number.", valueName: "issue-number"))
    var issue: Int

    @Flag(help: "Print the plan and the first message; send nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Send one message to this address only, outside the journal.", valueName: "address"))
    var testTo: String?

    @Flag(help: "Finish the unfinished send of this issue.")
    var resume = false

    @Flag(help: "Send an issue that was sent already, once more, to everyone subscribed now.")
    var again = false

    @Flag(help: "Share the send with other workers through the PostgreSQL list database.")
    var worker = false

    @Option(help: ArgumentHelp("With --worker: seconds a claimed batch is held before others may take it over."))
    var lease: Int = 60

    @Option(help: ArgumentHelp("With --worker: recipients claimed at once.", valueName: "n"))
    var batch: Int = 500

    @Option(help: ArgumentHelp("Messages per second at most; overrides [send] rate.", valueName: "n"))
    var rate: Double?

    @Option(help: ArgumentHelp("Connections to the relays; overrides [send] connections.", valueName: "n"))
    var connections: Int?

    @Option(help: ArgumentHelp("Progress as a terminal line (text) or JSON lines on standard output (json)."))
    var format: SendOutputFormat = .text

    @OptionGroup var newsletter: NewsletterOptions

    func validate() throws {
        if resume, again { throw ValidationError("Give --resume or --again, not both.") }
        if worker, resume || again || dryRun || testTo != nil {
            throw ValidationError(
                "--worker joins or starts the issue's send; it takes no --resume, --again, --dry-run or --test-to.")
        }
        if !(1...100_000).contains(batch) { throw ValidationError("--batch must be from 1 to 100000.") }
        if !(1...86_400).contains(lease) { throw ValidationError("--lease must be from 1 to 86400 seconds.") }
        if let rate, !(rate > 0 && rate <= 1_000_000) { throw ValidationError("--rate must be above 0.") }
        if let connections, !(1...1000).contains(connections) {
            throw ValidationError("--connections must be from 1 to 1000.")
        }
    }

    func run() async throws {
        let setup = try makeSetup()
        StandardError.write(setup.warnings)
        if let testTo {
            if let failure = await SendRun.test(setup, to: testTo) { throw ExitCode(failure) }
            return
        }
        let mode: SendMode = resume ? .resume : again ? .again : .first
        let run = SendRun(
            setup: setup, mode: mode, format: format, dryRun: dryRun, worker: worker ? .seconds(lease) : nil,
            batch: batch)
        let failure = try await ListRun.withStore(newsletter) { store -> ExitKind? in
            guard let journal = store as? any SendJournal else { return .unusable }
            return await run.perform(journal: journal, store: store)
        }
        if let failure { throw ExitCode(failure) }
    }

    private func makeSetup() throws -> SendSetup {
        let newsletter = try self.newsletter.open()
        guard let file = newsletter.allIssues.first(where: { $0.metadata.number == issue }) else {
            throw HeraldError(
                Problem(
                    .issueNotFound, file: newsletter.displayPath(newsletter.configuration.paths.content),
                    message: "there is no issue numbered \(issue)", fix: "check the number"))
        }
        return try SendSetup(
            newsletter: newsletter, issue: file, environment: ProcessInfo.processInfo.environment,
            overrides: SendSetup.Overrides(rate: rate, connections: connections))
    }
}

/// How `herald send` reports progress.
enum SendOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
