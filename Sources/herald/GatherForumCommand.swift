import ArgumentParser
import Foundation
import HeraldCore
import HeraldGather
import HeraldHTTP

/// `herald gather forum`: crate and quote nominations and calls for participation from Discourse.
struct GatherForumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forum",
        abstract: "Gather Crate and Quote of the Week nominations and new call-for-participation posts from the forum.",
        discussion: """
            Reads the Discourse topics in [gather.forum] and lists the posts made since the \
            previous issue (by default the newest published issue's date), however long the topic, \
            nominations ranked by likes, inside an HTML comment for the editors to pick from: a \
            crate nomination's own words, a quote nomination's quote. Waits when the forum's \
            rate limit is spent, saying until when.
            """
    )

    @Option(
        help: ArgumentHelp("List posts from this day on; by default the latest issue's date.", valueName: "YYYY-MM-DD"))
    var since: IssueDate?

    @OptionGroup var options: GatherOptions

    func run() async throws {
        let newsletter = try options.newsletter.open()
        let start =
            since ?? newsletter.issues.last?.metadata.date
            ?? GatherRun.date(nil, in: newsletter).adding(days: -7)
        let gatherer = ForumGatherer(
            loader: SourceLoader(client: WebClient()), configuration: newsletter.configuration.gather.forum,
            notify: { StandardError.write($0) })
        let result = await gatherer.gather(since: start)
        for (topic, nominations) in result.topics {
            StandardError.write(
                "\(topic.name): \(nominations.count) \(nominations.count == 1 ? "post" : "posts") since \(start)")
        }
        try GatherRun.finish(result.sections, failures: result.failures, options: options, newsletter: newsletter)
    }
}
