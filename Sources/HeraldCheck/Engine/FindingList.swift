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
        findings.append(
            Finding(
                rule, file: file.path, at: location, line: file.sourceLine(location.line), message, fix: fix,
                edit: file.invalidUTF8.isEmpty ? edit : nil, severity: severity))
    }

    /// Reports `rule` at a parsed node's start.
    mutating func report(
        _ rule: ProblemCode, at node: MarkdownNode, _ message: String, fix: String? = nil, edit: TextEdit? = nil
    ) {
        report(rule, at: file.fileLocation(node.range.start), message, fix: fix, edit: edit)
    }
}

extension FindingList {
    /// Adds the findings another list collected on the same file.
    mutating func append(contentsOf other: FindingList) {
        findings.append(contentsOf: other.findings)
    }
}
