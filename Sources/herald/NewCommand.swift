import ArgumentParser
import Foundation
import HeraldCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write the next issue's draft into the drafts folder, from the draft template.",
        discussion: """
            The number is the latest issue's (in the content and drafts folders) plus the intervals \
            ([schedule] every) since it; the date defaults to the configured weekday at least [schedule] \
            lead_days ahead, or for a monthly to a month after the latest issue. The \
            previous issue's upcoming events are carried into the events list: past ones are dropped, \
            those after the events window are marked with a comment. An existing file is never \
            overwritten.
            """
    )

    @Option(help: ArgumentHelp("The new issue's date.", valueName: "YYYY-MM-DD"))
    var date: IssueDate?

    @Flag(help: "Print the draft to standard output instead of writing it.")
    var dryRun = false

    @OptionGroup var newsletter: NewsletterOptions

    func run() throws {
        let newsletter = try self.newsletter.open()
        do {
            // Unreadable issues may hide the latest number; say so before numbering.
            StandardError.write(newsletter.problems.filter { $0.severity == .error })
            let timeZone = TimeZone(identifier: newsletter.configuration.site.timeZone) ?? .current
            let draft = try newsletter.nextDraft(
                on: date, today: IssueDate(Date(), in: timeZone))
            StandardError.write(draft.warnings)
            let summary = summary(of: draft, in: newsletter)
            if dryRun {
                FileHandle.standardOutput.write(Data(draft.text.utf8))
                StandardError.write("dry run: would write " + summary)
            } else {
                try newsletter.write(draft)
                StandardError.write("wrote " + summary)
            }
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.problemsFound)
        }
    }

    private func summary(of draft: Draft, in newsletter: NewsletterFolder) -> String {
        var text = "\(newsletter.displayPath(draft.relativePath)): issue \(draft.number), dated \(draft.date)"
        if let previous = draft.previous {
            text += "; \(draft.events.carried) events carried from \(previous.path)"
            text +=
                " (\(draft.events.dropped) past dropped, \(draft.events.pastWindow) after \(draft.eventsEndDate) marked)"
        }
        return text
    }
}
