import ArgumentParser

@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A newsletter engine for community weeklies.",
        version: "0.1.0",
        subcommands: [
            MarkdownCommand.self, ExportCommand.self, NewCommand.self, InitCommand.self, BuildCommand.self, EmailCommand.self, ServeCommand.self,
        ]
    )
}
