import ArgumentParser
import Foundation
import HeraldCore
import HeraldList

/// `herald list`: the mailing list's subscribers, kept by Herald instead of a mailing service.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Keep the mailing list: import from Mailchimp, add, remove, forget, export, count, serve sign-ups.",
        discussion: """
            Subscribers live in a SQLite file outside the newsletter folder (by default \
            $XDG_DATA_HOME/herald/<site host>/list.sqlite) or in PostgreSQL, as [list] database \
            in herald.toml says (see docs/list.md). Addresses are shown with their local part \
            masked. Exit status: 0 done, 1 rows skipped or a change refused, 2 unusable input or \
            database, 3 the database server could not be reached.
            """,
        subcommands: [
            ListImportCommand.self, ListExportCommand.self, ListAddCommand.self, ListRemoveCommand.self,
            ListForgetCommand.self, ListStatsCommand.self, ListBouncesCommand.self, ListServeCommand.self,
        ]
    )
}

/// What the subcommands share: finding and opening the store, and reporting its failures.
enum ListRun {
    /// Opens the newsletter's store, runs `work` with it and closes it; a store that cannot be
    /// opened or fails is reported with exit status 2 (3 when the server cannot be reached).
    static func withStore<T: Sendable>(
        _ options: NewsletterOptions, _ work: (any SubscriberStore) async throws -> T
    ) async throws -> T {
        let folder = options.url
        let configuration = try options.configuration()
        let environment = ProcessInfo.processInfo.environment
        let location = try ListDatabaseLocation(
            setting: configuration.list.database, folder: folder, siteURL: configuration.site.baseURL,
            environment: environment)
        let store = try await location.open(newsletterFolder: folder, environment: environment)
        do {
            let value = try await work(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    /// The address argument; one the list does not accept is reported with exit status 2.
    static func address(_ text: String) throws -> EmailAddress {
        do {
            return try EmailAddress(text)
        } catch {
            StandardError.write("error: '\(EmailAddress.mask(text))' is not an address the list accepts: \(error)")
            throw ExitCode(.unusable)
        }
    }
}
