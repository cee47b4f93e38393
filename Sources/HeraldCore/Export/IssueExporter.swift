import Foundation

/// The export step: reads issue files into the model and gathers them into an ``IssueExport``,
/// collecting every problem on the way instead of stopping at the first bad file.
public struct IssueExporter: Sendable {
    /// How headings map to section kinds in files given by path.
    public var catalog: SectionCatalog

    public init(catalog: SectionCatalog = .twir) {
        self.catalog = catalog
    }

    /// Exports the published issues of a newsletter folder, read as the folder reads them (its
    /// own section names, its shared parses), with the folder's loading problems.
    public func export(_ folder: NewsletterFolder) -> ExportResult {
        export(folder.issues, readings: folder.readings(of: folder.issues), problems: folder.problems)
    }

    /// Exports the files at `paths`; a folder stands for the issue files inside it. Paths are
    /// named in problems as given.
    public func export(paths: [String]) -> ExportResult {
        var files: [IssueFile] = []
        var problems: [Problem] = []
        for path in paths.flatMap({ IssuePaths.expanding($0) }) {
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

    /// Reads `files` into an export, on every core; `problems` are earlier ones to report alongside.
    public func export(_ files: [IssueFile], problems: [Problem] = []) -> ExportResult {
        let catalog = catalog
        return export(
            files, readings: files.concurrentMap { ParsedIssue($0, catalog: catalog).reading }, problems: problems)
    }

    private func export(_ files: [IssueFile], readings: [IssueReading], problems: [Problem]) -> ExportResult {
        let issues = readings.map(\.issue)
        let problems = problems + readings.flatMap(\.problems)
        let exported = Set(files.map(\.path))
        let reported = Set(problems.compactMap(\.file)).subtracting(exported)
        let summary = ExportSummary(issues: issues, reportedFiles: reported.count)
        return ExportResult(export: IssueExport(issues: issues), problems: problems, summary: summary)
    }
}

/// What an export run produced: the export, what went wrong, and the counts to show.
public struct ExportResult: Sendable {
    public var export: IssueExport
    /// Files skipped (with their reason) and warnings about files that were exported.
    public var problems: [Problem]
    public var summary: ExportSummary
}
