import ArgumentParser
import Foundation
import HeraldCore
import HeraldSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the newsletter's web site: issue pages, archive, feeds, calendar and sitemap.",
        discussion: """
            The site is built into a new folder beside the output and swapped in at the end, so a \
            failed build leaves the previous site as it was. Files whose inputs did not change since \
            the last build are carried over. Problems are reported on standard error as \
            'path:line:column: reason'.
            """
    )

    @Option(
        help: ArgumentHelp("The output folder; by default [build] output in herald.toml, or _site.", valueName: "dir"))
    var out: String?

    @Flag(help: "Also build the drafts, marked as drafts and hidden from search engines and feeds.")
    var drafts = false

    @Option(
        help: ArgumentHelp(
            "Publish under this address instead of [site] base_url, e.g. for a preview.", valueName: "url"))
    var baseURL: String?

    @Flag(
        name: .customLong("relative-urls"),
        help: "Write links relative to each page, so the site can be opened from the disk without a server.")
    var relativeURLs = false

    @Flag(
        inversion: .prefixedNo,
        help: "Build the insight pages (crates, quotes, people, event places), or not, whatever [build] insights says.")
    var insights: Bool?

    @OptionGroup var newsletter: NewsletterOptions

    func validate() throws {
        if let baseURL,
            URL(string: baseURL)?.host == nil || !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://"))
        {
            throw ValidationError("'\(baseURL)' is not an http or https URL; write it like 'http://localhost:8000'.")
        }
    }

    func run() throws {
        let configuration = try newsletter.configuration()
        let output =
            out.map { URL(fileURLWithPath: $0) }
            ?? newsletter.url.standardizedFileURL.appendingPathComponent(configuration.build.output)
        let options = BuildOptions(
            output: output, includeDrafts: drafts, baseURL: baseURL, relativeURLs: relativeURLs, insights: insights)
        // The files as they are before any is read: when the last build recorded the same, its
        // report is the answer and no issue needs reading.
        let inputs = InputSnapshot(of: BuildInputs(root: newsletter.url, configuration: configuration))
        if let report = SiteBuilder.unchangedReport(inputs: inputs, options: options) {
            return show(report, output: output)
        }
        let newsletter = try self.newsletter.open(requiringIssues: true, configuration: configuration)
        do {
            show(try SiteBuilder(newsletter: newsletter, options: options, inputs: inputs).build(), output: output)
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.problemsFound)
        }
    }

    private func show(_ report: SiteBuilder.Report, output: URL) {
        StandardError.write(report.warnings)
        StandardError.write(
            "built \(report.issueCount) issues into \(output.relativePath): "
                + "\(report.written.count) files written, \(report.reused) unchanged")
    }
}
