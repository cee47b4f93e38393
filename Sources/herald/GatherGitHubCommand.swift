import ArgumentParser
import Foundation
import HeraldCore
import HeraldGather
import HeraldHTTP

/// `herald gather github`: calls for testing, RFCs, final comment periods and the merged count.
struct GatherGitHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "github",
        abstract:
            "Gather calls for testing, RFCs, final comment periods and the merged PR count from GitHub.",
        discussion: """
            Covers the week ending on the date (the seven days before it and the day itself). The \
            repositories, labels and groups are [gather.github] in herald.toml (This Week in Rust's \
            by default). Uses GITHUB_TOKEN when set; waits and retries when GitHub's rate limit is \
            spent, saying until when, and prints the remaining hourly quota. A search GitHub says \
            is incomplete is a warning, and the exit status is 1.
            """
    )

    @Option(help: ArgumentHelp("The last day of the week gathered; by default today.", valueName: "YYYY-MM-DD"))
    var date: IssueDate?

    @OptionGroup var options: GatherOptions

    func run() async throws {
        let newsletter = try options.newsletter.open()
        let settings = newsletter.configuration.gather.github
        let api = GitHubAPI(
            base: settings.api, token: ProcessInfo.processInfo.environment["GITHUB_TOKEN"], client: WebClient(),
            notify: { StandardError.write($0) })
        let gatherer = GitHubGatherer(api: api, configuration: settings)
        let day = GatherRun.date(date, in: newsletter)
        let result = await gatherer.gather(weekEnding: day)
        if let quota = result.quota { StandardError.write(quota.description) }
        StandardError.write(result.warnings.map(\.warning))
        try GatherRun.finish(
            result.sections(webBase: settings.web), failures: result.failures, options: options, newsletter: newsletter)
        if !result.warnings.isEmpty { throw ExitCode(.problemsFound) }
    }
}
