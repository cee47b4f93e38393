import ArgumentParser
import Foundation
import HeraldCore
import HeraldEmail

/// `herald email`: one issue's email edition as `NUMBER.html`, `NUMBER.txt` and `NUMBER.eml`.
struct EmailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Write an issue's email edition: email-safe HTML, plain text and a complete .eml message.",
        discussion: """
            The issue is given by its number, by the path of its file, or with --latest (the newest \
            published issue, also the default). The three files are named after the issue number and \
            replaced atomically. The HTML's size is printed, with a warning naming the largest sections \
            when Gmail would clip it (102 KB). Headers, subject and footer come from [email] in \
            herald.toml; theme/email.mustache replaces the template. Problems are reported on standard \
            error as 'path:line:column: reason'.
            """
    )

    @Argument(help: ArgumentHelp("The issue: its number or the path of its file.", valueName: "issue-number | path"))
    var issue: String?

    @Flag(help: "Use the newest published issue.")
    var latest = false

    @Option(help: ArgumentHelp("Where to write the files; by default the current folder.", valueName: "dir"))
    var out: String = "."

    @OptionGroup var newsletter: NewsletterOptions

    func validate() throws {
        if latest, issue != nil {
            throw ValidationError("Give either an issue or --latest, not both.")
        }
    }

    func run() throws {
        let newsletter = try self.newsletter.open()
        do {
            let file = try selectedIssue(in: newsletter)
            let edition = try EmailRenderer(newsletter: newsletter).render(file)
            for (url, bytes) in try edition.write(into: URL(fileURLWithPath: out), for: file) {
                var line = "\(url.relativePath)  \(EmailSize.kilobytes(bytes))"
                if url.pathExtension == "html" {
                    line += "  (Gmail clips at \(EmailSize.kilobytes(EmailSize.gmailClippingLimit)))"
                }
                print(line)
            }
            StandardError.write(edition.warnings)
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.problemsFound)
        }
    }

    private func selectedIssue(in newsletter: NewsletterFolder) throws(HeraldError) -> IssueFile {
        guard let issue else {
            guard let newest = newsletter.issues.last else {
                throw HeraldError(
                    Problem(
                        .issueNotFound, file: newsletter.displayPath(newsletter.configuration.paths.content),
                        message: "the newsletter has no published issue", fix: "give a draft's number or path"))
            }
            return newest
        }
        if let number = Int(issue) {
            guard let file = newsletter.issue(numbered: number) else {
                throw HeraldError(
                    Problem(
                        .issueNotFound, file: newsletter.displayPath(newsletter.configuration.paths.content),
                        message: "there is no issue numbered \(number)",
                        fix: "check the number, or give the issue file's path"))
            }
            return file
        }
        return try IssueFile(
            contentsOf: URL(fileURLWithPath: issue), path: issue, sources: newsletter.metadataSources(forFile: issue))
    }
}
