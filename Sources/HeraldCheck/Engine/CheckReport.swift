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

    public var errorCount: Int { count(of: .error) }
    public var warningCount: Int { count(of: .warning) }

    /// The findings of `severity`, each asked where it is kept: counted through the array's
    /// iterator, each finding was copied (its strings retained and released), a tenth of a
    /// second for the quarter of a million findings of a check of ten archives.
    private func count(of severity: Severity) -> Int {
        var count = 0
        for index in findings.indices where findings[index].severity == severity { count += 1 }
        return count
    }

    /// How many findings each rule made, most first.
    public var countsByRule: [(rule: ProblemCode, count: Int)] {
        var counts: [ProblemCode: Int] = [:]
        // Read, then written: through the `default:` subscript's in-place access, each of a
        // quarter of a million findings allocated that access's frame.
        for index in findings.indices {
            let rule = findings[index].rule
            counts[rule] = (counts[rule] ?? 0) + 1
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .map { ($0.key, $0.value) }
    }
}
