import HeraldCore
import HeraldMarkdown

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`, which
/// GitHub shows on the pull request's changed lines.
enum GitHubReport {
    static func render(_ report: CheckReport) -> String {
        var output = ""
        for finding in report.findings {
            let problem = finding.problem
            var properties: [String] = []
            if let file = problem.file { properties.append("file=\(escapeProperty(file))") }
            if let location = problem.location {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(escapeProperty(finding.rule.rawValue))")
            var message = problem.message
            if let fix = problem.fix { message += "; \(fix)" }
            output += "::\(finding.severity == .error ? "error" : "warning") \(properties.joined(separator: ","))"
            output += "::\(escapeData(message))\n"
        }
        return output
    }

    /// Workflow command data: `%`, carriage return and line feed are encoded.
    static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Workflow command properties: also `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
