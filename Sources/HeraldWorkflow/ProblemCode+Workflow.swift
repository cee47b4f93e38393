public import HeraldCore

// A refused submission to a closed section or a banned host reports `herald check`'s own codes,
// `closed-section` and `banned-host`, so that both tools name the rule the same way.

extension ProblemCode {
    /// A submitted page could not be fetched: no answer, a timeout, an error status, too large.
    public static let pageUnavailable = ProblemCode(rawValue: "page-unavailable")
    /// A page gave no title and none was passed with `--title`.
    public static let noTitle = ProblemCode(rawValue: "no-title")
    /// A submitted link was featured in an earlier issue.
    public static let alreadyFeatured = ProblemCode(rawValue: "already-featured")
    /// A submitted link is in the draft already.
    public static let alreadyInDraft = ProblemCode(rawValue: "already-in-draft")
    /// No link section of the draft has the name given to `herald submit --section`.
    public static let noSuchSection = ProblemCode(rawValue: "no-such-section")
    /// There is no draft to add to or publish.
    public static let noDraft = ProblemCode(rawValue: "no-draft")
    /// `herald check` found errors in the issue being published.
    public static let checkFailed = ProblemCode(rawValue: "check-failed")
    /// Entries held for the next issue have nowhere to go in the next draft.
    public static let cannotCarry = ProblemCode(rawValue: "cannot-carry")
    /// A git command failed: not a repository, an unknown revision.
    public static let gitFailed = ProblemCode(rawValue: "git-failed")
}
