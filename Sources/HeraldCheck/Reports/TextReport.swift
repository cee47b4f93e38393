import HeraldCore
import HeraldMarkdown

/// The terminal form: each finding as `path:line:column: severity: message [rule]` (which
/// editors and terminals make clickable), the source line with a caret under the column, the
/// fix, and at the end a count by rule.
struct TextReport {
    let colour: Bool

    func render(_ report: CheckReport) -> String {
        var output = ""
        for finding in report.findings {
            output += headline(finding) + "\n"
            if let line = finding.lineText, let column = finding.problem.location?.column {
                let number = String(finding.problem.location?.line ?? 0)
                let gutter = String(repeating: " ", count: number.count)
                output += " \(number) | \(line)\n"
                output += " \(gutter) | \(caretPadding(line, column: column))\(paint("^", .green))\n"
            }
            if let fix = finding.problem.fix { output += "   = fix: \(fix)\n" }
        }
        output += summary(report)
        return output
    }

    private func headline(_ finding: Finding) -> String {
        let problem = finding.problem
        var place = problem.file ?? ""
        if let location = problem.location { place += ":\(location.line):\(location.column)" }
        let severity =
            problem.severity == .error ? paint("error:", .red) : paint("warning:", .yellow)
        return "\(paint(place + ":", .bold)) \(severity) \(problem.message) \(paint("[\(finding.rule)]", .dim))"
    }

    /// Spaces up to `column` (a byte column), keeping tabs so the caret lines up.
    private func caretPadding(_ line: String, column: Int) -> String {
        var padding = ""
        var bytes = 0
        for character in line {
            bytes += character.utf8.count
            if bytes >= column { break }
            padding += character == "\t" ? "\t" : " "
        }
        return padding
    }

    private func summary(_ report: CheckReport) -> String {
        let files = Set(report.findings.compactMap(\.problem.file)).count
        guard !report.findings.isEmpty else {
            return "checked \(report.files.count) file\(report.files.count == 1 ? "" : "s"): no problems\n"
        }
        var text = "\n\(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))"
        text += " in \(count(files, "file")) (\(report.files.count) checked)\n"
        for (rule, number) in report.countsByRule {
            text += "  \(String(number).leftPadded(to: 6))  \(rule)\n"
        }
        return text
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private enum Style: String {
        case red = "31;1"
        case yellow = "33;1"
        case green = "32;1"
        case bold = "1"
        case dim = "2"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
