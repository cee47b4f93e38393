import ArgumentParser
import Foundation
import HeraldCore
import HeraldWorkflow

/// `herald submissions`: the week's contributions, as git recorded them, with their check results.
struct SubmissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions",
        abstract: "List the link entries added to the drafts in a range of commits, with author and check results.",
        discussion: """
            Each entry added (or rewritten) by a commit in the range is listed with its author \
            and commit from git blame, what herald check reports on its lines (as for an outside \
            contributor), the issue that featured the link before, and the other entries of the \
            range with the same link. RANGE is FROM..TO, or FROM for FROM..HEAD. Exit status: 0 \
            listed, 2 could not run as asked (not a git repository, an unknown revision).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("The commits to look at: FROM..TO, or FROM for FROM..HEAD.", valueName: "range"))
    var fromGit: String

    @Option(help: "Output: text or json.")
    var format: Format = .text

    @OptionGroup var newsletter: NewsletterOptions

    func run() throws {
        let newsletter = try WorkflowFailure.newsletter(at: newsletter.folder)
        let report = try SubmissionLog(folder: newsletter).report(range: fromGit)
        let output = format == .json ? report.json : report.text
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
