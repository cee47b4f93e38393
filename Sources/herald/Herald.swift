import ArgumentParser
import Foundation

@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A newsletter engine for community weeklies.",
        version: "0.1.0",
        subcommands: [
            MarkdownCommand.self, ExportCommand.self, NewCommand.self, InitCommand.self, BuildCommand.self, EmailCommand.self, ServeCommand.self, CheckCommand.self, GatherCommand.self, SubmitCommand.self, PublishCommand.self, SubmissionsCommand.self,
            ListCommand.self, SendCommand.self,
        ]
    )

    /// Runs the command line, exiting 2 (not ArgumentParser's 64) on bad usage, so every verb
    /// reports usage mistakes alike: 0 done, 1 problems found, 2 could not run as asked.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
