import ArgumentParser
import Foundation
import HeraldCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new newsletter folder: herald.toml, a draft template and the first draft.",
        discussion: """
            DIR must not exist or must be empty. The new folder uses Herald's template variables and \
            its own section names (mapped in herald.toml's [sections]); edit herald.toml to taste.
            """
    )

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
    var directory: String

    @Option(help: "The newsletter's name.")
    var title: String = "My Weekly"

    @Option(help: ArgumentHelp("Where the newsletter will be published.", valueName: "url"))
    var baseURL: String = "https://example.org"

    @Option(help: ArgumentHelp("The day of the week issues come out.", valueName: "day"))
    var weekday: String = "wednesday"

    @Option(
        help: ArgumentHelp(
            "The first issue's date; by default the weekday at least 4 days ahead.", valueName: "YYYY-MM-DD"))
    var date: IssueDate?

    func validate() throws {
        if Weekday(name: weekday) == nil {
            throw ValidationError("'\(weekday)' is not a day of the week; write e.g. 'wednesday'.")
        }
    }

    func run() throws {
        let scaffold = NewsletterScaffold(title: title, baseURL: baseURL, weekday: Weekday(name: weekday) ?? .wednesday)
        do {
            let today = IssueDate(Date(), in: .current)
            let created = try scaffold.create(
                at: URL(fileURLWithPath: directory), firstIssueDate: date,
                today: today)
            for path in created {
                StandardError.write("created \(path)")
            }
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.problemsFound)
        }
    }
}
