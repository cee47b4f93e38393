import Foundation
import HeraldCore

extension Linter {
    /// What `--fix` did to one file.
    public struct FixResult: Sendable {
        public var path: String
        /// The findings whose edits were applied.
        public var fixed: [Finding]
    }

    /// Applies the safe edits of `report` to the files on disk, each file rewritten atomically.
    ///
    /// Files with invalid UTF-8 carry no edits and are left alone; overlapping edits are applied
    /// one per place (a second run picks up the rest).
    public func applyFixes(from report: CheckReport) throws(HeraldError) -> [FixResult] {
        var byFile: [String: [Finding]] = [:]
        var order: [String] = []
        for finding in report.findings where finding.edit != nil {
            guard let file = finding.problem.file else { continue }
            if byFile[file] == nil { order.append(file) }
            byFile[file, default: []].append(finding)
        }
        var results: [FixResult] = []
        for path in order {
            let findings = byFile[path] ?? []
            let url = URL(fileURLWithPath: path)
            guard let data = try? Data(contentsOf: url) else {
                throw HeraldError(Problem(.unreadable, file: path, message: "cannot read the file to fix it"))
            }
            let (bytes, applied) = TextEdit.apply(findings.compactMap(\.edit), to: Array(data))
            guard !applied.isEmpty else { continue }
            try AtomicFile.replace(at: url, contents: Data(bytes), displayPath: path)
            let appliedSet = Set(applied)
            results.append(FixResult(path: path, fixed: findings.filter { $0.edit.map(appliedSet.contains) ?? false }))
        }
        return results
    }
}
