import HeraldMarkdown

/// One link entry as a draft's Markdown writes it: `* [video] [Title](https://…)`.
///
/// Titles come from web pages and may hold anything; the line must still read back as the same
/// title and address, so Markdown's active characters in the title are escaped and an address
/// that would end the link early is percent-encoded.
public struct EntryLine: Hashable, Sendable {
    public var title: String
    public var url: String
    /// Prefixes without brackets, in order: `["video"]`, `["DE", "series"]`.
    public var prefixes: [String]

    public init(title: String, url: String, prefixes: [String] = []) {
        self.title = title
        self.url = url
        self.prefixes = prefixes
    }

    /// The line, without a line end, with the draft's bullet and indentation.
    public func markdown(bullet: String = "*") -> String {
        var line = bullet + " "
        for prefix in prefixes { line += "[\(prefix)] " }
        return line + EntryLine.writer.link(title, to: url)
    }

    /// The one writer of Markdown text, so an entry escapes exactly what the site would read as
    /// markup, as gathered sections do.
    private static let writer = MarkdownTextWriter()
}
