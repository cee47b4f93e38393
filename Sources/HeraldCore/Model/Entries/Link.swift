/// A titled hyperlink, as written in Markdown (`[title](url)`).
public struct Link: Hashable, Sendable, Codable {
    /// The link text without markup.
    public var title: String
    /// The destination, after Markdown's escape and reference processing.
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// Someone named in an issue (an editor, who suggested a crate, an event's organiser), with the
/// page the name links to when it has one.
public struct Person: Hashable, Sendable, Codable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}
