public import HeraldCore

/// Everything `herald publish` will do, worked out before anything is written, so that it can be
/// printed first (and only printed, with `--dry-run`).
public struct PublishPlan: Sendable {
    /// A file moved from one path to another, both relative to the newsletter folder.
    public struct Move: Hashable, Sendable {
        public var from: String
        public var to: String
    }

    /// The next week's draft: a new one, or an existing later draft that receives the carried entries.
    public enum NextDraft: Sendable {
        case create(Draft)
        case update(IssueFile, snapshot: DraftSnapshot, text: String)
    }

    /// The draft being published, as read.
    public var draft: IssueFile
    /// The draft's bytes the plan was made from; it is published only while the file holds them.
    public var snapshot: DraftSnapshot
    /// The issue's date once published.
    public var date: IssueDate
    /// The published file's path relative to the newsletter folder.
    public var publishedPath: String
    /// The published file's text: the draft with its date set and next week's entries taken out.
    public var publishedText: String
    /// The files of a draft kept as a page bundle (its images), moved with it beside the
    /// published file; none for a draft that is not one.
    public var bundleMoves: [Move]
    /// Whether the date line changes.
    public var changesDate: Bool
    /// Whether a `Status: draft` line is removed.
    public var removesDraftStatus: Bool
    public var carryOver: CarryOver
    public var next: NextDraft
    /// Warnings from `herald check` and from making the next draft; none of them stopped it.
    public var warnings: [Problem]
}
