/// One link of a link list: a community article, a merged pull request, an RFC.
///
/// Editors tag links with bracketed prefixes (`[video]`, `[series]`, a language code such as
/// `[DE]`) before the link; they are kept apart from the title so renderers can style them.
public struct LinkEntry: Hashable, Sendable, Codable {
    /// The link text without markup (or the item's text when it has no link).
    public var title: String
    /// The link's destination; `nil` for an item that has no link.
    public var url: String?
    /// The bracketed prefixes as written, without brackets: `["video"]`, `["ZH", "series"]`.
    public var prefixes: [String]
    /// The language of the linked page when a prefix is a two-letter code (`"DE"`).
    public var language: String?
    /// Text after the link (an editor's comment), if any.
    public var note: String?
    /// The links in the entry's line after the first ("[Title](url) ([discussion](url))"), or
    /// `nil` when it has none (so that exported entries stay as short as they were).
    public var otherLinks: [Link]?
    /// What the item holds below its line (a quoted summary, more paragraphs, a nested list's
    /// items), kept as text so that a differently written link list loses nothing; `nil` when
    /// the entry is its line alone.
    public var details: [TextBlock]?
    public var source: SourceSpan

    public init(
        title: String, url: String?, prefixes: [String] = [], note: String? = nil, otherLinks: [Link] = [],
        details: [TextBlock] = [], source: SourceSpan
    ) {
        self.title = title
        self.url = url
        self.prefixes = prefixes
        self.language = prefixes.first(where: LinkEntry.isLanguageCode)
        self.note = note
        self.otherLinks = otherLinks.isEmpty ? nil : otherLinks
        self.details = details.isEmpty ? nil : details
        self.source = source
    }

    /// Two ASCII letters, upper case as editors write them (`DE`, `ZH`, `PT`).
    static func isLanguageCode(_ prefix: String) -> Bool {
        prefix.utf8.count == 2 && prefix.utf8.allSatisfy { (65...90).contains($0) }
    }
}
