import ArgumentParser
import Foundation
import HeraldCore
import HeraldList

/// `herald list bounces`: reads delivery status notifications and retires dead addresses.
struct ListBouncesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bounces",
        abstract: "Count bounces from delivery status notifications in an mbox file or a Maildir folder.",
        discussion: """
            Each RFC 3464 notification is read once (by its Message-ID): a hard bounce (failed, 5.x.x) \
            counts towards [send] hard_bounce_limit, after which the address is marked cleaned and no \
            longer sent to; a soft one (delayed, 4.x.x) is only counted. 'herald list stats' shows the counts.
            """
    )

    @Argument(help: ArgumentHelp("An mbox file or a Maildir folder.", valueName: "file"))
    var file: String

    @OptionGroup var options: NewsletterOptions

    func run() async throws {
        let messages: [[UInt8]]
        do {
            messages = try MailboxReader.messages(at: file)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitCode(.unusable)
        }
        let reports = messages.flatMap(DeliveryStatusParser.reports(in:))
        let limit =
            (try? NewsletterConfiguration.load(fromFolder: options.url))?
            .send.hardBounceLimit ?? 1
        let outcome = try await ListRun.withStore(options) { store -> BounceOutcome in
            guard let ledger = store as? any BounceLedger else { return BounceOutcome() }
            return try await ledger.record(reports, hardLimit: limit, now: Date())
        }
        print(
            "\(messages.count) messages, \(reports.count) bounce reports: \(outcome.hard) hard, \(outcome.soft) soft, "
                + "\(outcome.cleaned) addresses cleaned, \(outcome.unknown) not on the list, "
                + "\(outcome.repeated) read before")
    }
}
