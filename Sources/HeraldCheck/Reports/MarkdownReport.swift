import HeraldCore
import HeraldMarkdown

/// One Markdown comment a bot can post on a pull request: a headline with the counts, then
/// the findings grouped by file, each with its line, what is wrong and the fix.
enum MarkdownReport {
    static func render(_ report: CheckReport) -> String {
        guard !report.findings.isEmpty else {
            return "### ✅ herald check\n\nNo problems found in \(report.files.count) checked file(s).\n"
        }
        var output = "### herald check: \(report.errorCount) error(s), \(report.warningCount) warning(s)\n"
        var files: [String] = []
        var byFile: [String: [Finding]] = [:]
        for finding in report.findings {
            let file = finding.problem.file ?? "(no file)"
            if byFile[file] == nil { files.append(file) }
            byFile[file, default: []].append(finding)
        }
        for file in files {
            output += "\n#### `\(file)`\n\n"
            output += "| Line | Severity | Rule | Problem | Fix |\n| ---: | --- | --- | --- | --- |\n"
            for finding in byFile[file] ?? [] {
                let line = finding.problem.location.map { String($0.line) } ?? ""
                let severity = finding.severity == .error ? "❌ error" : "⚠️ warning"
                output += "| \(line) | \(severity) | `\(finding.rule)` | \(cell(finding.problem.message)) | "
                output += "\(cell(finding.problem.fix ?? "")) |\n"
            }
        }
        return output
    }

    /// Text safe inside a table cell: pipes escaped, line ends removed, Markdown and HTML inert.
    static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": escaped += "\\\(character)"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
