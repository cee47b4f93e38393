/// Everything an import did, row by row, and the rows it skipped.
public struct ImportReport: Sendable {
    public let file: String
    public let kind: ImportFileKind
    public let outcomes: [ImportOutcome]
    public let problems: [ImportProblem]

    /// How many rows changed the list.
    public var changes: Int { outcomes.count(where: \.isChange) }

    /// One line for the editor: counts of each action, and plainly whether anything changed.
    public var summary: String {
        var added = 0
        var changed = 0
        var unchanged = 0
        var kept = 0
        for outcome in outcomes {
            switch outcome.action {
            case .added: added += 1
            case .changed: changed += 1
            case .unchanged: unchanged += 1
            case .kept: kept += 1
            }
        }
        let counts =
            "\(added) added, \(changed) changed, \(unchanged) unchanged, \(kept) kept, \(problems.count) skipped"
        let verdict =
            changes == 0 ? "nothing changed" : "\(changes) \(changes == 1 ? "subscriber" : "subscribers") saved"
        return "\(file): \(kind): \(counts); \(verdict)"
    }
}
