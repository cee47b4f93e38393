/// An issue or pull request picked for a section, with what its entry needs.
public struct GitHubItem: Hashable, Sendable {
    public var title: String
    public var url: String
    /// For final comment period entries: `merge`, `close`, `postpone` from the item's
    /// `disposition-…` label; `nil` without one (or `unspecified`, when configured so).
    public var disposition: String?

    public init(title: String, url: String, disposition: String? = nil) {
        self.title = title
        self.url = url
        self.disposition = disposition
    }
}
