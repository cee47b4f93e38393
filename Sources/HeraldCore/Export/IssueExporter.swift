import Foundation

/// The export step: reads issue files into the model and gathers them into an ``IssueExport``,
/// collecting every problem on the way instead of stopping at the first bad file.
public struct IssueExporter: Sendable {
    public var reader: IssueReader

    public init(reader: IssueReader = IssueReader()) {
        self.reader = reader
    }

    /// Exports the published issues of a newsletter folder, with the folder's loading problems.
    public func export(_ folder: NewsletterFolder) -> ExportResult {
        export(folder.issues, problems: folder.problems)
    }

    /// Exports the files at `paths`; a folder stands for the issue files inside it. Paths are
    /// named in problems as given.
    public func export(paths: [String]) -> ExportResult {
        var files: [IssueFile] = []
        var problems: [Problem] = []
        for path in paths.flatMap { IssuePaths.expanding($0) } {
            switch IssueFileFormat(fileName: path) {
            case .markdown, .mdx:
                do {
                    let file = try IssueFile(contentsOf: URL(fileURLWithPath: path), path: path)
                    problems += file.warnings
                    files.append(file)
                } catch {
                    problems += error.problems
                }
            case .unsupported(let format):
                problems.append(
                    Problem(
                        .unsupportedFormat, severity: .warning, file: path,
                        message: "skipped: \(format) is not a format Herald reads",
                        fix: "convert it to Markdown (.md) to include it"))
            case .notAnIssue:
                problems.append(
                    Problem(.unsupportedFormat, severity: .warning, file: path, message: "skipped: not an issue file"))
            }
        }
        return export(files, problems: problems)
    }

    /// Reads `files` into an export; `problems` are earlier ones to report alongside.
    public func export(_ files: [IssueFile], problems: [Problem] = []) -> ExportResult {
        let readings = read(files)
        let issues = readings.map(\.issue)
        let problems = problems + readings.flatMap(\.problems)
        let exported = Set(files.map(\.path))
        let reported = Set(problems.compactMap(\.file)).subtracting(exported)
        let summary = ExportSummary(issues: issues, reportedFiles: reported.count)
        return ExportResult(export: IssueExport(issues: issues), problems: problems, summary: summary)
    }

    /// Reads every file, spreading the files over the processor's cores: reading is pure, and
    /// an archive of hundreds of issues reads in a fraction of the time.
    private func read(_ files: [IssueFile]) -> [IssueReading] {
        files.concurrentMap { reader.read($0) }
    }
}

/// What an export run produced: the export, what went wrong, and the counts to show.
public struct ExportResult: Sendable {
    public var export: IssueExport
    /// Files skipped (with their reason) and warnings about files that were exported.
    public var problems: [Problem]
    public var summary: ExportSummary
}
