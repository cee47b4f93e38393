import ArgumentParser
import Dispatch
import Foundation
import HeraldCore
import HeraldGather

/// `herald gather`: fills a week's sections from the calendar, GitHub and the forum.
struct GatherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gather",
        abstract: "Gather a week's sections from calendar feeds, GitHub and the forum.",
        discussion: """
            Each subcommand prints its sections in the issue's format, or with --into-draft \
            replaces them in the newest draft, keeping everything else byte for byte. A source \
            that fails is reported as 'source[:line]: reason' and the others are still written; \
            the exit status is 1 when any source failed. Sources are set in [gather] of \
            herald.toml (see docs/gather.md).
            """,
        subcommands: [GatherEventsCommand.self, GatherGitHubCommand.self, GatherForumCommand.self]
    )
}

/// The options every `herald gather` subcommand shares.
struct GatherOptions: ParsableArguments {
    @Flag(help: "Replace the section in the newest draft instead of printing it.")
    var intoDraft = false

    @OptionGroup var newsletter: NewsletterOptions
}

/// What the subcommands share: printing or writing the sections gathered.
enum GatherRun {
    /// Prints `sections`, or puts them into the newest draft; then reports `failures` and
    /// exits with 1 if there were any.
    static func finish(
        _ sections: [GatheredSection], failures: [GatherError], options: GatherOptions, newsletter: NewsletterFolder
    ) throws {
        var failures = failures
        if options.intoDraft {
            if let draft = newsletter.currentDraft {
                let editor = DraftSectionEditor(
                    catalog: newsletter.configuration.sections, regionNames: newsletter.configuration.events.regions)
                let result = DraftUpdate(editor: editor).write(
                    sections, into: draft, at: URL(fileURLWithPath: draft.path))
                failures += result.failures
                if !result.written.isEmpty {
                    StandardError.write("updated \(draft.path): \(result.written.map(\.id).joined(separator: ", "))")
                }
            } else {
                failures.append(
                    GatherError(
                        .cannotUpdateDraft, source: newsletter.displayPath(newsletter.configuration.paths.drafts),
                        message: "there is no draft to update", fix: "make one with 'herald new'"))
            }
        } else {
            // Several sections are told apart by a comment naming each, harmless when pasted.
            let text = sections.map { section in
                let markdown = section.markdown()
                return sections.count > 1 && !markdown.hasPrefix("<!--")
                    ? "<!-- \(section.kind.id) -->\n" + markdown : markdown
            }.joined(separator: "\n\n")
            if !text.isEmpty { print(text) }
        }
        StandardError.write(failures.map(\.problem))
        if !failures.isEmpty { throw ExitCode(.problemsFound) }
    }

    /// `date`, or today in the newsletter's time zone.
    static func date(_ date: IssueDate?, in newsletter: NewsletterFolder) -> IssueDate {
        if let date { return date }
        let zone = TimeZone(identifier: newsletter.configuration.site.timeZone) ?? .current
        return IssueDate(Date(), in: zone)
    }
}
