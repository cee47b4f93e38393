/// What a contributor asks `herald submit` to add.
public struct SubmitRequest: Hashable, Sendable {
    /// The link as the contributor has it (possibly with tracking parameters, possibly redirecting).
    public var url: String
    /// The link category ("Observations/Thoughts"); `nil` for `[workflow] default_section`.
    public var section: String?
    /// The entry's title; `nil` takes it from the page.
    public var title: String?
    /// The prefixes to write; `nil` lets Herald suggest `[video]` or `[audio]` from the host.
    public var prefixes: [String]?
    /// Whether to fetch the page; without it, `title` is required and the URL is used as given
    /// (tracking parameters still removed).
    public var fetch: Bool
    /// Whether the submitter is an editor, whom closed sections accept.
    public var isEditor: Bool
    /// The draft to add to; `nil` for the current draft.
    public var draft: String?

    public init(
        url: String, section: String? = nil, title: String? = nil, prefixes: [String]? = nil, fetch: Bool = true,
        isEditor: Bool = false, draft: String? = nil
    ) {
        self.url = url
        self.section = section
        self.title = title
        self.prefixes = prefixes
        self.fetch = fetch
        self.isEditor = isEditor
        self.draft = draft
    }
}
