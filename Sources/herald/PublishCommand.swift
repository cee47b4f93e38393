import ArgumentParser
import Foundation
import HeraldCore
import HeraldWorkflow

/// `herald publish`: the week's draft becomes an issue, and next week's draft exists at once.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the current draft into the content folder and make the next draft at once.",
        discussion: """
            The draft must pass herald check (errors stop it, and are listed). Its date is set \
            (--date, or the date it has), it moves from the drafts folder into the content folder, \
            and next week's draft is made as 'herald new' makes it, with what belongs to next \
            week: entries marked <!-- next issue -->, entries below a <!-- cut --> comment in \
            their section (the markers are set in [workflow]), and upcoming events. Every step is \
            printed first; nothing is committed, so 'git status' shows it all and git undoes it. \
            Exit status: 0 published, 1 refused (check errors, a file already there), 2 could \
            not run as asked.
            """
    )

    @Option(help: ArgumentHelp("The issue's publication date; default: the draft's date.", valueName: "YYYY-MM-DD"))
    var date: IssueDate?

    @Option(help: ArgumentHelp("The draft to publish; default: the oldest draft.", valueName: "file"))
    var draft: String?

    @Flag(help: "Print what would be done, without writing anything.")
    var dryRun = false

    @OptionGroup var newsletter: NewsletterOptions

    func run() throws {
        let newsletter = try WorkflowFailure.newsletter(at: newsletter.folder)
        // Unreadable issues may hide the latest number the next draft follows; say so first.
        StandardError.write(newsletter.problems.filter { $0.severity == .error })
        let publisher = Publisher(folder: newsletter)
        let plan = try publisher.plan(date: date, draft: draft)
        StandardError.write(plan.warnings)
        print(describe(plan, in: newsletter), terminator: "")
        if dryRun {
            StandardError.write("dry run: nothing written")
        } else {
            try publisher.apply(plan)
            StandardError.write(
                "published; review with 'git status' and 'git diff', undo with 'git checkout' and 'git clean'")
        }
    }

    /// The plan as the steps an editor reads before (or instead of) it happening.
    private func describe(_ plan: PublishPlan, in newsletter: NewsletterFolder) -> String {
        let issue = plan.draft.metadata.number.map { "issue \($0)" } ?? "'\(plan.draft.metadata.title)'"
        let published = newsletter.displayPath(plan.publishedPath)
        var text = "publish \(issue), dated \(plan.date)\n"
        text += "  check     no errors"
        let warnings = plan.warnings.filter { $0.severity == .warning }.count
        text += warnings == 0 ? "\n" : ", \(warnings) warning\(warnings == 1 ? "" : "s") (printed above)\n"
        if plan.changesDate, let line = plan.draft.metadata.lines["date"] {
            text += "  date      \(plan.draft.path):\(line) from \(plan.draft.metadata.date) to \(plan.date)\n"
        }
        if plan.removesDraftStatus { text += "  status    the 'Status: draft' line removed\n" }
        text += "  move      \(plan.draft.path) → \(published)\n"
        for move in plan.bundleMoves {
            text += "  move      \(newsletter.displayPath(move.from)) → \(newsletter.displayPath(move.to))\n"
        }
        for entry in plan.carryOver.entries {
            text += "  carry     \(plan.draft.path):\(entry.lines.lowerBound) (\(entry.group.path), \(entry.reason)): "
            text += (entry.text.first ?? "").trimmingCharacters(in: .whitespaces) + "\n"
        }
        if !plan.carryOver.cutLines.isEmpty {
            let lines = plan.carryOver.cutLines.map(String.init).joined(separator: ", ")
            text +=
                "  cut       comment\(plan.carryOver.cutLines.count == 1 ? "" : "s") removed (line\(plan.carryOver.cutLines.count == 1 ? "" : "s") \(lines))\n"
        }
        switch plan.next {
        case .create(let next):
            text += "next draft \(newsletter.displayPath(next.relativePath)): issue \(next.number), dated \(next.date)"
            text += ", \(plan.carryOver.entries.count) entr\(plan.carryOver.entries.count == 1 ? "y" : "ies") carried"
            text +=
                ", \(next.events.carried) events (\(next.events.dropped) past dropped, \(next.events.pastWindow) after \(next.eventsEndDate) marked)\n"
        case .update(let file, _, _):
            text += "next draft \(file.path) exists: \(plan.carryOver.entries.count) entries added to it\n"
        }
        return text
    }
}
