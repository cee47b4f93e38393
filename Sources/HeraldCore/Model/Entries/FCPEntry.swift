/// An RFC or pull request entering its final comment period.
///
/// The group (RFCs, Tracking Issues & PRs, Cargo…) is the title of the ``EntryGroup`` holding
/// the entry.
public struct FCPEntry: Hashable, Sendable, Codable {
    /// The proposed outcome from `[disposition: merge]`: `merge`, `close`, `postpone`…
    public var disposition: String?
    public var title: String
    public var url: String?
    public var source: SourceSpan

    public init(disposition: String?, title: String, url: String?, source: SourceSpan) {
        self.disposition = disposition
        self.title = title
        self.url = url
        self.source = source
    }
}
