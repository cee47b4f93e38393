/// Whether an issue is out, as Pelican's `Status` metadata says.
///
/// Files without a `Status` line are published, as in Pelican; drafts in the drafts folder
/// are told apart by where they live, not by this value.
public enum IssueStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case published
    case draft
    /// Built but not listed (Pelican's `hidden`).
    case hidden
}
