package import Foundation
package import HeraldCore

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

    /// Writes the report to `file`. The JSON report is written a megabyte at a time as it is
    /// made: an outsized file's, or ten archives', runs to tens of megabytes, which made whole
    /// (and before that as a `String`, then bytes again) were held at the peak and paged in.
    package func write(_ report: CheckReport, colour: Bool = false, to file: WritableFile) throws(POSIXError) {
        if self == .json {
            try JSONReport.write(report, to: file)
        } else {
            try file.write(render(report, colour: colour))
        }
    }
}
