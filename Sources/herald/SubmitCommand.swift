import ArgumentParser
import Dispatch
import Foundation
import HeraldCore
import HeraldHTTP
import HeraldWorkflow

/// `herald submit`: a contributor adds a link to the current draft in one command.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Add a link to the current draft: title and address from the page, checked against the archive.",
        discussion: """
            Fetches the page (following redirects, 15 s and 4 MB at most), takes its og:title or \
            <title> without the site's name, uses its canonical address, removes tracking \
            parameters and adds [video] or [audio] for known video and podcast hosts. A link \
            featured in an earlier issue, or already in the draft, is refused with the issue's \
            name; so is a section closed to contributors ([check.sections] in herald.toml) unless \
            --editor is given. The entry is added at the end of the section, in the draft's own \
            format; nothing else in the file changes. Exit status: 0 added, 1 refused, 2 could not \
            run as asked (no draft, no such section, bad usage), 3 the page could not be fetched.
            """
    )

    @Argument(help: "The link to add.")
    var url: String

    @Option(
        help: ArgumentHelp(
            "The link category, such as 'Observations/Thoughts'; default: [workflow] default_section.",
            valueName: "name"))
    var section: String?

    @Option(help: ArgumentHelp("The entry's title; default: the page's.", valueName: "text"))
    var title: String?

    @Option(
        help: ArgumentHelp(
            "A prefix such as video, audio, series or a language code like DE; repeat for several.", valueName: "prefix"
        ))
    var prefix: [String] = []

    @Flag(help: "Write no prefix, even for a video or podcast host.")
    var noPrefix = false

    @Flag(help: "Do not fetch the page; needs --title.")
    var noFetch = false

    @Flag(help: "Submit as an editor: sections closed to contributors accept the link.")
    var editor = false

    @Option(help: ArgumentHelp("The draft to add to; default: the oldest draft.", valueName: "file"))
    var draft: String?

    @Flag(help: "Print the entry and what was checked, without changing the draft.")
    var dryRun = false

    @OptionGroup var newsletter: NewsletterOptions

    func validate() throws {
        if noFetch, title == nil {
            throw ValidationError("--no-fetch needs --title: without the page there is no title.")
        }
        if noPrefix, !prefix.isEmpty { throw ValidationError("--no-prefix and --prefix contradict each other.") }
    }

    func run() async throws {
        let request = SubmitRequest(
            url: url, section: section, title: title, prefixes: noPrefix ? [] : (prefix.isEmpty ? nil : prefix),
            fetch: !noFetch, isEditor: editor, draft: draft)
        let newsletter = try WorkflowFailure.newsletter(at: newsletter.folder)
        let submitter = Submitter(folder: newsletter, fetcher: request.fetch ? PageFetcher(client: WebClient()) : nil)
        let planned = try await submitter.plan(request)
        let plan = dryRun ? planned : try submitter.apply(planned)
        let width = plan.steps.map(\.name.count).max() ?? 0
        for step in plan.steps {
            StandardError.write(step.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + step.detail)
        }
        StandardError.write(plan.warnings)
        print(plan.line)
        let place = "\(plan.draft.path):\(plan.lineNumber)"
        StandardError.write(
            dryRun ? "dry run: would add the line above at \(place)" : "added the line above at \(place)")
    }
}
