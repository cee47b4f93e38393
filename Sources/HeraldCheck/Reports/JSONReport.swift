import Foundation
import HeraldCore
import HeraldMarkdown

/// The machine form: one array of findings, each `{file, line, column, severity, rule, message, fix}`.
enum JSONReport {
    private struct Entry: Encodable {
        let file: String?
        let line: Int?
        let column: Int?
        let severity: String
        let rule: String
        let message: String
        let fix: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(severity, forKey: .severity)
            try container.encode(rule, forKey: .rule)
            try container.encode(message, forKey: .message)
            try container.encode(fix, forKey: .fix)
        }

        private enum CodingKeys: String, CodingKey {
            case file, line, column, severity, rule, message, fix
        }
    }

    static func render(_ report: CheckReport) -> String {
        let entries = report.findings.map { finding in
            Entry(
                file: finding.problem.file, line: finding.problem.location?.line,
                column: finding.problem.location?.column, severity: finding.severity.rawValue,
                rule: finding.rule.rawValue, message: finding.problem.message, fix: finding.problem.fix)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
