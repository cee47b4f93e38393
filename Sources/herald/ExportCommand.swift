import ArgumentParser
import Foundation
import HeraldCore

/// `herald export`: reads the newsletter (or the given files) with ``IssueExporter`` and writes the JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write issues as JSON: metadata and typed sections, described by docs/issue-schema.json.",
        discussion: """
            Exports every published issue of the newsletter folder, or the files and folders given. \
            Files Herald cannot read are reported on standard error as 'path:line:column: reason' and \
            left out; a summary line on standard error counts the issues, links, events and crates. \
            The export is written even when some files fail; the exit status is 1 if any problem \
            was an error (warnings, such as a skipped .rst file, leave it 0).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Option(help: "The output format.")
    var format: Format = .json

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var newsletter: NewsletterOptions

    @Flag(help: "Write the archive's insights (crates, quotes, people, event places) instead of the issues.")
    var insights = false

    @Argument(help: "Issue files or folders to export instead of the newsletter's issues.")
    var paths: [String] = []

    func run() throws {
        let result: ExportResult
        if paths.isEmpty {
            let newsletter = try self.newsletter.open()
            result = IssueExporter().export(newsletter)
        } else {
            let configuration = try newsletter.configuration()
            result = IssueExporter(catalog: configuration.sections).export(paths: paths)
        }
        if insights {
            let json = [UInt8](try Insights(export: result.export).json())
            try emit { file throws(POSIXError) in try file.write(json) }
        } else {
            // Written as it is made: an outsized issue's export is hundreds of megabytes.
            try emit { file throws(POSIXError) in try result.export.writeJSON(to: file) }
        }
        StandardError.write(result.problems)
        StandardError.write(result.summary.description)
        if result.problems.contains(where: { $0.severity == .error }) { throw ExitCode(.problemsFound) }
    }

    /// Hands `write` the file `--out` names (replaced atomically) or standard output.
    private func emit(_ write: (WritableFile) throws(POSIXError) -> Void) throws(HeraldError) {
        if let out {
            try AtomicFile.replace(at: URL(fileURLWithPath: out), displayPath: out, writing: write)
            return
        }
        try StandardOutput.write(write)
    }
}
