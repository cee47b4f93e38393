import ArgumentParser
import HeraldList

/// `herald list forget`: erases a reader for a GDPR erasure request.
struct ListForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase an address and everything stored about it (a GDPR erasure request).",
        discussion: """
            Nothing about the reader is kept, so a later import of an old export would add them \
            again: delete them from such files too. Exit status 1 when the address is not on the list.
            """
    )

    @Argument(help: ArgumentHelp("The address to erase.", valueName: "address"))
    var address: String

    @OptionGroup var options: NewsletterOptions

    func run() async throws {
        let parsed = try ListRun.address(address)
        let outcome = try await ListRun.withStore(options) { store in try await ListEditor(store: store).forget(parsed)
        }
        try ListEditReport.finish(outcome, for: parsed)
    }
}
