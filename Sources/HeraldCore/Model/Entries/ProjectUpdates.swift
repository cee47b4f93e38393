/// The project's own week: how many pull requests were merged and the notable ones, grouped by
/// area (Compiler, Library, Cargo…) when the issue uses sub-headings.
public struct ProjectUpdates: Hashable, Sendable, Codable {
    /// The count from "448 pull requests were merged in the last week", when stated.
    public var mergedPullRequests: Int?
    public var groups: [EntryGroup<LinkEntry>]

    public init(mergedPullRequests: Int? = nil, groups: [EntryGroup<LinkEntry>] = []) {
        self.mergedPullRequests = mergedPullRequests
        self.groups = groups
    }
}
