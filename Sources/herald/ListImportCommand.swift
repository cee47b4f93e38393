import ArgumentParser
import Foundation
import HeraldCore
import HeraldList

/// `herald list import`: brings Mailchimp's audience export (or a plain list) into the list.
struct ListImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Mailchimp's audience export files or a one-address-per-line file.",
        discussion: """
            Mailchimp's export holds three CSV files (subscribed, unsubscribed, cleaned); import \
            each. A file's kind is told from its columns (UNSUB_TIME, CLEAN_TIME) or its name; a \
            file without an 'Email Address' column is read as one address per line, all \
            subscribed. Each row is reported on standard output as 'file:line: what was done'; \
            a malformed row is reported on standard error as 'file:line: reason' and skipped. \
            Importing again changes nothing, and a reader who left is never subscribed again by \
            an import. Exit status 1 when rows were skipped.
            """
    )

    @Argument(help: ArgumentHelp("Export files to import, in order.", valueName: "file"))
    var files: [String]

    @OptionGroup var options: NewsletterOptions

    func run() async throws {
        let urls = files.map { URL(fileURLWithPath: $0) }
        let reports = try await ListRun.withStore(options) { store in
            var reports: [ImportReport] = []
            for url in urls {
                reports.append(try await ListImporter(store: store).importFile(at: url))
            }
            return reports
        }
        var output = ""
        for report in reports {
            for outcome in report.outcomes {
                output += "\(report.file):\(outcome.line): \(outcome)\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        for report in reports {
            for problem in report.problems { StandardError.write(problem.description) }
            StandardError.write(report.summary)
        }
        if reports.contains(where: { !$0.problems.isEmpty }) { throw ExitCode(.problemsFound) }
    }
}
