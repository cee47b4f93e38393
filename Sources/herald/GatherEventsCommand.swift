import ArgumentParser
import Foundation
import HeraldCore
import HeraldGather
import HeraldHTTP

/// `herald gather events`: the events section from iCalendar feeds.
struct GatherEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Gather the upcoming events from iCalendar feeds, grouped by region.",
        discussion: """
            Reads each feed (a file or an http(s) address; by default [gather.events] feeds), keeps \
            the events from the date to the end of the window, on their local dates, merges \
            duplicates and prints them under region headings as \
            '* DATE | LOCATION | [ORGANISER](URL)' with the titles below. The date defaults to the \
            newest draft's, else today.
            """
    )

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "An iCalendar feed: a file or an http(s) address; repeat for more.", valueName: "url-or-file"))
    var feeds: [String] = []

    @Option(help: ArgumentHelp("The first day of the window.", valueName: "YYYY-MM-DD"))
    var date: IssueDate?

    @Option(help: ArgumentHelp("How many weeks the window lasts; by default [events] window_weeks.", valueName: "n"))
    var weeks: Int?

    @OptionGroup var options: GatherOptions

    func validate() throws {
        if let weeks, !(1...52).contains(weeks) { throw ValidationError("--weeks must be between 1 and 52.") }
    }

    func run() async throws {
        let newsletter = try options.newsletter.open()
        let sources = feeds.isEmpty ? newsletter.configuration.gather.feeds : feeds
        guard !sources.isEmpty else {
            throw ValidationError("Give a feed with --from, or list feeds in [gather.events] feeds of herald.toml.")
        }
        let first =
            date ?? newsletter.currentDraft?.metadata.date
            ?? GatherRun.date(nil, in: newsletter)
        let last = first.adding(days: 7 * (weeks ?? newsletter.configuration.events.windowWeeks))
        let gatherer = EventsGatherer(loader: SourceLoader(client: WebClient()))
        let result = await gatherer.gather(from: sources, from: first, through: last)
        StandardError.write(result.warnings)
        for feed in result.feeds {
            StandardError.write("\(feed.source): \(feed.occurrences) events from \(first) to \(last)")
        }
        StandardError.write("\(result.events.count) entries in \(result.events.regionsListed.count) regions")
        try GatherRun.finish(
            [result.events.section], failures: result.failures, options: options, newsletter: newsletter)
    }
}
