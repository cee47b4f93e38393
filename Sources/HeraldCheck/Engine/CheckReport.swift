public import HeraldCore

/// What one run of `herald check` found.
public struct CheckReport: Sendable {
    /// Every finding, by file, line and column.
    public var findings: [Finding]
    /// Problems with the check itself: an unknown rule in `herald.toml`, an unreadable file.
    public var problems: [Problem]
    /// The files checked, as named.
    public var files: [String]
    /// Each file's bytes as the rules read them, so `--fix` edits only a file still holding them.
    public var checkedBytes: [String: FileBytes] = [:]

    public init(findings: [Finding] = [], problems: [Problem] = [], files: [String] = []) {
        self.findings = findings
        self.problems = problems
        self.files = files
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// How many findings each rule made, most first.
    public var countsByRule: [(rule: ProblemCode, count: Int)] {
        var counts: [ProblemCode: Int] = [:]
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .map { ($0.key, $0.value) }
    }
}
