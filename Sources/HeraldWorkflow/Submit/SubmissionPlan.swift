public import HeraldCore

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
    /// What the contributor's link became before it was placed: kept so the entry can be placed
    /// again, without fetching, when the draft changes before the write.
    struct Entry: Sendable {
        var request: SubmitRequest
        var line: EntryLine
        var steps: [Step]
    }

    public var draft: IssueFile
    /// The draft's bytes the plan was made from; the write happens only while the file holds them.
    public var snapshot: DraftSnapshot
    var submission: Entry
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
