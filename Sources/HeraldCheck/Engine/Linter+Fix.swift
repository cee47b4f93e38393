import Foundation
public import HeraldCore

extension Linter {
    /// What `--fix` did to one file.
    public struct FixResult: Sendable {
        public var path: String
        /// The findings whose edits were applied.
        public var fixed: [Finding]
    }

    /// Applies the safe edits of `report` to the files on disk, each file rewritten through
    /// ``DraftEditor``: atomically, under the folder's lock, and only while it is unchanged.
    ///
    /// Files with invalid UTF-8 carry no edits and are left alone; overlapping edits are applied
    /// one per place (a second run picks up the rest). A file that changed since the check read
    /// it is reported, not fixed: its edits name bytes that may have moved.
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
            let snapshot = try DraftSnapshot.read(at: URL(fileURLWithPath: path), displayPath: path)
            if let checked = report.checkedBytes[path], !checked.equals(snapshot.bytes) {
                throw HeraldError(
                    Problem(
                        .draftChanged, file: path,
                        message: "the file changed after it was checked, so it was not fixed",
                        fix: "run 'herald check --fix' again"))
            }
            let (bytes, applied) = TextEdit.apply(findings.compactMap(\.edit), to: snapshot.bytes)
            guard !applied.isEmpty else { continue }
            try DraftEditor.replace(snapshot, withBytes: bytes)
            let appliedSet = Set(applied)
            results.append(FixResult(path: path, fixed: findings.filter { $0.edit.map(appliedSet.contains) ?? false }))
        }
        return results
    }
}
