public import HeraldCore

/// What was already wrong before a change, so that `--since` reports only what the change
/// added.
///
/// Findings are matched by rule, message and the text of their line, not by line number,
/// which every insertion above shifts. Matching counts occurrences: a second copy of an old
/// problem is new.
struct FindingBaseline {
    private var remaining: [Key: Int] = [:]

    private struct Key: Hashable {
        let file: String?
        let rule: String
        let message: String
        let line: String
    }

    init(_ findings: [Finding]) {
        for finding in findings { remaining[Self.key(finding), default: 0] += 1 }
    }

    /// The findings of `findings` that the baseline does not account for.
    mutating func new(_ findings: [Finding]) -> [Finding] {
        findings.filter { finding in
            let key = Self.key(finding)
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            return false
        }
    }

    private static func key(_ finding: Finding) -> Key {
        Key(
            file: finding.problem.file, rule: finding.rule.rawValue, message: finding.problem.message,
            line: (finding.lineText ?? "").trimmed)
    }
}

extension Linter {
    /// Checks `paths` and keeps only the findings that are new since `revision`.
    public func check(
        paths: [String], since revision: GitRevision, options: CheckOptions = CheckOptions()
    ) throws(HeraldError) -> CheckReport {
        var report = check(paths: paths, options: options)
        var old: [Source] = []
        for path in paths {
            if let bytes = try revision.contents(of: path) { old.append(Source(path: path, bytes: bytes)) }
        }
        var baseline = FindingBaseline(check(old, options: options).findings)
        report.findings = baseline.new(report.findings)
        return report
    }
}
