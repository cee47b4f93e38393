import ArgumentParser
import Foundation
import HeraldCore

@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A newsletter engine for community weeklies.",
        version: "0.1.0",
        subcommands: [
            MarkdownCommand.self, ExportCommand.self, NewCommand.self, InitCommand.self, BuildCommand.self,
            EmailCommand.self, ServeCommand.self, CheckCommand.self, GatherCommand.self, SubmitCommand.self,
            PublishCommand.self, SubmissionsCommand.self,
            ListCommand.self, SendCommand.self,
        ]
    )

    /// Runs the command line with the exit statuses of ``ExitKind``: bad usage exits 2 (not
    /// ArgumentParser's 64), and a Herald error no verb handled is printed as its problems
    /// (`path:line:column: reason`) and exits 2 too, never as a bare `Error:` line.
    static func main() async {
        MemoryReturn.configure()
        do {
            var command = try parseAsRoot()
            if var verb = command as? any AsyncParsableCommand {
                try await verb.run()
            } else {
                try command.run()
            }
        } catch let failure as any CommandFailure {
            for line in failure.messages { StandardError.write(line) }
            Foundation.exit(failure.exitKind.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error))
                Foundation.exit(ExitKind.unusable.rawValue)
            }
            exit(withError: error)
        }
    }
}
