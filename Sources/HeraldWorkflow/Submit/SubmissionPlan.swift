import HeraldCore

/// What `herald submit` will do, worked out completely before the draft is touched: the line,
/// where it goes, the draft's new text, and every check made on the way.
///
/// A value so that `--dry-run` shows exactly what a real run writes.
public struct SubmissionPlan: Sendable {
    /// One thing Herald looked at and what it found, for the contributor to see.
    public struct Step: Hashable, Sendable {
        /// A short name: `fetch`, `title`, `address`, `prefix`, `archive`, `draft`, `section`, `check`.
        public var name: String
        public var detail: String

        public init(_ name: String, _ detail: String) {
            self.name = name
            self.detail = detail
        }
    }

    /// The draft as it was read.
    public var draft: IssueFile
    public var group: DraftGroup
    public var entry: EntryLine
    /// The Markdown line inserted.
    public var line: String
    /// The line number the entry has in the new text.
    public var lineNumber: Int
    /// The draft's whole text with the entry in it.
    public var text: String
    public var steps: [Step]
    /// Warnings from the checks that did not stop the submission.
    public var warnings: [Problem]
    /// Whether the entry lands below the group's cut, so `herald publish` carries it to next week.
    public var isAfterCut: Bool
}
