public import ArgumentParser
import Foundation
import HeraldCore
import HeraldList

/// `herald list export`: the whole list, for a backup or another service.
struct ListExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every subscriber with status, consent source and times as CSV or JSON.",
        discussion: """
            The output holds whole addresses: keep it out of the newsletter's repository and \
            delete it when done.
            """
    )

    @Option(help: "The output format: csv or json.")
    var format: ListExporter.Format = .csv

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var options: NewsletterOptions

    func run() async throws {
        let subscribers = try await ListRun.withStore(options) { store in try await store.allSubscribers() }
        let data = ListExporter.export(subscribers, as: format)
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        // Readable by its owner only: the file holds every subscriber's address.
        try AtomicFile.replace(at: URL(fileURLWithPath: out), displayPath: out, newFilePermissions: 0o600) {
            file throws(POSIXError) in try file.write(data)
        }
        StandardError.write("wrote \(subscribers.count) subscribers to \(out)")
    }
}

extension ListExporter.Format: ExpressibleByArgument {}
