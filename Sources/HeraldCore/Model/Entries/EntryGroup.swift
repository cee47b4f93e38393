/// Entries of one section that sit under the same sub-heading ("Official", "Compiler", "Europe").
///
/// Sub-headings that belong to their section (rather than starting a section of another kind)
/// become groups, so readers see "the PRs under Compiler" without losing the heading itself: a
/// group with no entries is kept. The first group of a section holds the entries written before
/// any sub-heading and has no title.
public struct EntryGroup<Entry: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The sub-heading's text, or `nil` for entries directly under the section heading.
    public var title: String?
    /// The sub-heading's level (1–6), or `nil` with ``title``.
    public var level: Int?
    /// Where the sub-heading is, or `nil` with ``title``.
    public var source: SourceSpan?
    public var entries: [Entry]

    public init(title: String? = nil, level: Int? = nil, source: SourceSpan? = nil, entries: [Entry] = []) {
        self.title = title
        self.level = level
        self.source = source
        self.entries = entries
    }
}

/// The events of one region ("Virtual", "Europe"…), in the order the issue lists them.
public typealias EventRegion = EntryGroup<EventEntry>
