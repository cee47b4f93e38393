/// One upcoming event: `* 2025-07-02 | Virtual (Berlin, DE) | [Organiser](url)` followed by one
/// or more `[**title**](url)` sub-items, or the older one-link forms (`[Jun 7. Place - Title](url)`).
///
/// ``source`` spans every line of the entry, sub-items included, so that `herald new` can carry
/// the entry into the next issue verbatim.
public struct EventEntry: Hashable, Sendable, Codable {
    /// The (first) day of the event; `nil` when the entry's date cannot be read.
    public var date: IssueDate?
    /// The date as written (`2025-07-02`, `Jun  7`, `March 13th`).
    public var dateText: String?
    /// Whether the event is online ("Virtual", "Online", or listed under such a region).
    public var isVirtual: Bool
    /// Where it takes place as written (`Virtual (Berlin, DE)`, `London, UK`).
    public var location: String?
    public var organiser: Person?
    /// The event's title(s), each with its link.
    public var titles: [Link]
    /// The entry's first line without markup, for entries whose parts cannot all be told apart.
    public var text: String
    public var source: SourceSpan

    public init(
        date: IssueDate?, dateText: String?, isVirtual: Bool, location: String?, organiser: Person?, titles: [Link],
        text: String, source: SourceSpan
    ) {
        self.date = date
        self.dateText = dateText
        self.isVirtual = isVirtual
        self.location = location
        self.organiser = organiser
        self.titles = titles
        self.text = text
        self.source = source
    }
}
