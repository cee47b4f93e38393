import ArgumentParser
import HeraldCore
import HeraldList

/// `herald list add`: subscribes a reader who asked the editors directly.
struct ListAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe an address, recording the editor as the source of consent.",
        discussion: """
            A reader who unsubscribed or whose address was cleaned stays out unless --again is \
            given (exit status 1): only do that when they asked to come back.
            """
    )

    @Argument(help: ArgumentHelp("The address to subscribe.", valueName: "address"))
    var address: String

    @Flag(help: "Subscribe the address even if its reader left the list.")
    var again = false

    @OptionGroup var options: NewsletterOptions

    func run() async throws {
        let parsed = try ListRun.address(address)
        let again = again
        let outcome = try await ListRun.withStore(options) { store in
            try await ListEditor(store: store).add(parsed, again: again)
        }
        try ListEditReport.finish(outcome, for: parsed)
    }
}

/// How `add`, `remove` and `forget` tell what they did.
enum ListEditReport {
    /// Prints the outcome (the address masked) and exits 1 when it was refused.
    static func finish(_ outcome: EditOutcome, for address: EmailAddress) throws {
        let sentence = outcome.describe(address.masked)
        if outcome.isRefusal {
            StandardError.write(sentence)
            throw ExitCode(.problemsFound)
        }
        print(sentence)
    }
}
