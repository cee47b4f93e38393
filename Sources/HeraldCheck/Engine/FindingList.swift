import HeraldCore
import HeraldMarkdown

/// Collects one file's findings as the rules report them, filling in the file, the rule's
/// severity and the source line.
struct FindingList {
    let file: CheckedFile
    private(set) var findings: [Finding] = []

    init(file: CheckedFile) {
        self.file = file
    }

    /// Reports `rule` at a file position.
    mutating func report(
        _ rule: ProblemCode, at location: SourceLocation, _ message: String, fix: String? = nil, edit: TextEdit? = nil,
        severity: Severity? = nil
    ) {
        let severity = severity ?? CheckRule.rule(withID: rule.rawValue)?.defaultSeverity ?? .error
        let problem = Problem(rule, severity: severity, file: file.path, location: location, message: message, fix: fix)
        let safeEdit = file.invalidUTF8.isEmpty ? edit : nil
        findings.append(Finding(problem: problem, edit: safeEdit, lineText: file.lineText(location.line)))
    }

    /// Reports `rule` at a parsed node's start.
    mutating func report(
        _ rule: ProblemCode, at node: MarkdownNode, _ message: String, fix: String? = nil, edit: TextEdit? = nil
    ) {
        report(rule, at: file.fileLocation(node.range.start), message, fix: fix, edit: edit)
    }
}

extension FindingList {
    var count: Int { findings.count }

    mutating func reserveCapacity(_ capacity: Int) {
        findings.reserveCapacity(capacity)
    }

    /// Adds the findings another list collected on the same file.
    mutating func append(contentsOf other: FindingList) {
        findings.append(contentsOf: other.findings)
    }

    /// Puts the findings in file order.
    mutating func sort() {
        findings.sort { left, right in
            let a = left.problem.location ?? SourceLocation(line: 0, column: 0)
            let b = right.problem.location ?? SourceLocation(line: 0, column: 0)
            return a != b ? a < b : left.rule.rawValue < right.rule.rawValue
        }
    }
}
