import ArgumentParser
import Foundation
import HeraldList

/// `herald list stats`: how many readers there are and how the list moved week by week.
struct ListStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count subscribers by status, and sign-ups and leavers per week.",
        discussion: "Weeks start on Monday (UTC); a sign-up counts in the week its reader confirmed."
    )

    @Option(help: "How many recent weeks to show.")
    var weeks: Int = 12

    @OptionGroup var options: NewsletterOptions

    func validate() throws {
        guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be from 1 to 520.") }
    }

    func run() async throws {
        let weeks = weeks
        let (statistics, bounces) = try await ListRun.withStore(options) { store in
            (
                ListStatistics(
                    counts: try await store.countsByStatus(), subscribers: try await store.allSubscribers(),
                    weekCount: weeks, now: Date()),
                try await (store as? any BounceLedger)?.bounceCounts()
            )
        }
        print(statistics.text)
        if let bounces {
            print("\nbounced      \(bounces.withHardBounces) hard, \(bounces.withSoftBounces) soft")
        }
    }
}
