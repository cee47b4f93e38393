public import ArgumentParser
import Foundation
import HeraldCheck
import HeraldCore

/// `herald check`: the linter editors and contributors run on drafts and pull requests.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check issues for duplicate links, tracking parameters, malformed entries, mojibake and more.",
        discussion: """
            With no paths, checks the drafts and the latest published issue; --recent N checks the N \
            latest published issues instead of one. Links are compared with the whole archive (or the \
            last [check] duplicate_window issues). Rules are listed in docs/check.md; turn one off or \
            change its severity in [check.rules] of herald.toml, or silence one finding with \
            <!-- herald-ignore RULE --> on the line above it. Exit status: 1 when an error was \
            reported (or a warning, with --strict), 2 on bad usage, 0 otherwise.
            """
    )

    @Argument(help: ArgumentHelp("Issue files, or folders whose Markdown files are checked.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Check the drafts and the N latest published issues.", valueName: "n"))
    var recent: Int?

    @Option(help: ArgumentHelp("Report only what is new since this git revision.", valueName: "git-rev"))
    var since: String?

    @Option(help: "Output: text, json, github (workflow annotations) or markdown (a pull-request comment).")
    var format: ReportFormat = .text

    @Option(help: "Who wrote the change: 'outside' holds links to each section's policy (closed-section).")
    var contributor: CheckOptions.Contributor = .editor

    @Flag(help: "Apply the safe fixes in place, then report what is left.")
    var fix = false

    @Flag(help: "Also fetch every link and report dead ones and redirects (dead-link).")
    var online = false

    @Option(help: ArgumentHelp("Where --online keeps answers for a day.", valueName: "dir"))
    var cache: String?

    @Flag(help: "Also report Markdown that Pelican's Python-Markdown renders otherwise (the dialect-* rules).")
    var migrating = false

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @OptionGroup var newsletter: NewsletterOptions

    func validate() throws {
        if let recent, recent < 1 { throw ValidationError("--recent must be at least 1.") }
        if fix, since != nil { throw ValidationError("--fix fixes whole files; it cannot be combined with --since.") }
    }

    func run() async throws {
        let newsletter = try self.newsletter.open(requiringIssues: paths.isEmpty)
        let linter = Linter(folder: newsletter)
        // A folder given stands for the Markdown issues in it; one that holds none is said, since
        // "no problems" would read as if its issues had passed.
        var emptyFolders: [Problem] = []
        let files =
            paths.isEmpty
            ? defaultPaths(in: newsletter)
            : paths.flatMap { path in
                let found = IssuePaths.expanding(path) { $0 == .markdown }
                if found.isEmpty {
                    emptyFolders.append(
                        Problem(
                            .noIssues, severity: .warning, file: path,
                            message: "no Markdown file in this folder, so nothing in it was checked",
                            fix: "name the folder that holds the issues, or the files themselves"))
                }
                return found
            }
        StandardError.write(emptyFolders)
        let options = CheckOptions(contributor: contributor, migrating: migrating)
        var report: CheckReport
        do throws(HeraldError) {
            if let since {
                report = try linter.check(paths: files, since: GitRevision(since), options: options)
            } else {
                report = linter.check(paths: files, options: options)
            }
            if fix {
                let results = try linter.applyFixes(from: report)
                for result in results {
                    StandardError.write("fixed \(result.fixed.count) problem(s) in \(result.path)")
                }
                if !results.isEmpty { report = linter.check(paths: files, options: options) }
            }
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.unusable)
        }
        if online { report.findings += await deadLinks(linter: linter, files: files) }
        // A file Herald passed over (a reStructuredText issue, a link) is said once, never left out quietly.
        StandardError.write(newsletter.skipped + report.problems)
        let colour =
            format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        do throws(HeraldError) {
            try StandardOutput.write { file throws(POSIXError) in try format.write(report, colour: colour, to: file) }
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.unusable)
        }
        // Every issue's tree and model (the folder's parses, which the linter shares) is freed on
        // another thread, or not at all as the process ends: freed as `run` returned, they held
        // a check of the archive for a tenth of its time after its report.
        // The report's findings too, once the exit status is known: a check of ten archives has a
        // quarter of a million, a tenth of a second to free.
        let unusable = report.problems.contains { $0.severity == .error }
        let (errors, warnings) = (report.errorCount, report.warningCount + emptyFolders.count)
        BackgroundRelease.release((consume linter, consume newsletter, consume report))
        if unusable { throw ExitCode(.unusable) }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(.problemsFound) }
    }

    /// The drafts and the latest published issue, or the `--recent` latest, and every Markdown file
    /// the folder could not read as an issue (a number too large, no title), so that one is reported
    /// rather than left out of the check.
    private func defaultPaths(in newsletter: NewsletterFolder) -> [String] {
        let unreadable = newsletter.problems.filter { $0.severity == .error && $0.code != .unsupportedFormat }
            .compactMap(\.file)
        var seen: Set<String> = []
        return ((newsletter.issues.suffix(recent ?? 1) + newsletter.drafts).map(\.path) + unreadable)
            .filter { seen.insert($0).inserted }
    }

    private func deadLinks(linter: Linter, files: [String]) async -> [Finding] {
        var linkCache = LinkCache(folder: cache.map { URL(fileURLWithPath: $0) } ?? LinkCache.defaultFolder)
        let findings = await linter.deadLinks(in: files, using: DeadLinkChecker(), cache: &linkCache)
        do throws(HeraldError) {
            try linkCache.save()
        } catch {
            StandardError.write(error.problems)
        }
        return findings
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension CheckOptions.Contributor: ExpressibleByArgument {}
