/// How `herald check` prints what it found: for a person, a program, a CI log or a pull request.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [rule]`, the line with a caret, then a summary.
    case text
    /// An array of `{file, line, column, severity, rule, message, fix}` objects.
    case json
    /// GitHub Actions workflow commands, which become annotations on the pull request's diff.
    case github
    /// One Markdown comment for a bot to post on a pull request.
    case markdown

    /// The report in this format; `colour` applies to ``text`` only.
    public func render(_ report: CheckReport, colour: Bool = false) -> String {
        switch self {
        case .text: TextReport(colour: colour).render(report)
        case .json: String(decoding: JSONReport.bytes(of: report), as: UTF8.self)
        case .github: GitHubReport.render(report)
        case .markdown: MarkdownReport.render(report)
        }
    }

    /// The report's UTF-8 bytes, for writing out: the JSON report of an outsized file runs to tens
    /// of megabytes, and making it a `String` and then bytes again held it three times at the peak.
    public func renderBytes(_ report: CheckReport, colour: Bool = false) -> [UInt8] {
        self == .json ? JSONReport.bytes(of: report) : Array(render(report, colour: colour).utf8)
    }
}
