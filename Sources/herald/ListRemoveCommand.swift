import ArgumentParser
import HeraldList

/// `herald list remove`: unsubscribes a reader, keeping the record of their leaving.
struct ListRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe an address; it stays recorded so no import adds it back.",
        discussion: "Exit status 1 when the address is not on the list. To erase it entirely, use 'forget'."
    )

    @Argument(help: ArgumentHelp("The address to unsubscribe.", valueName: "address"))
    var address: String

    @OptionGroup var options: NewsletterOptions

    func run() async throws {
        let parsed = try ListRun.address(address)
        let outcome = try await ListRun.withStore(options) { store in try await ListEditor(store: store).remove(parsed)
        }
        try ListEditReport.finish(outcome, for: parsed)
    }
}
