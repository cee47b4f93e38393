/// A GitHub Flavored Markdown extension, or another syntax beyond CommonMark, that a parse can switch on.
///
/// An open struct rather than an enum, so that adding an extension never breaks a caller's `switch`.
public struct MarkdownExtension: Hashable, Sendable, CustomStringConvertible {
    private enum Name: String, Hashable, Sendable {
        case table, strikethrough, autolink
        case taskList = "tasklist"
        case tagFilter = "tagfilter"
        case footnotes
        case headingAttributes = "heading-attributes"
    }

    private let name: Name

    /// Pipe tables with a delimiter row.
    public static let table = MarkdownExtension(name: .table)
    /// `~text~` and `~~text~~` as `<del>`.
    public static let strikethrough = MarkdownExtension(name: .strikethrough)
    /// Bare `www.`, `http(s)://` and e-mail addresses become links.
    public static let autolink = MarkdownExtension(name: .autolink)
    /// `[ ]` and `[x]` at the start of a list item become checkboxes.
    public static let taskList = MarkdownExtension(name: .taskList)
    /// Raw HTML tags that are unsafe in a page (`<script>`, `<iframe>`…) are rendered inert.
    public static let tagFilter = MarkdownExtension(name: .tagFilter)
    /// `[^label]` references and `[^label]: text` definitions.
    public static let footnotes = MarkdownExtension(name: .footnotes)

    /// A closing `{#id}` on a heading (`## Install {#setup}`) gives the heading that id and is not
    /// shown, as Pandoc, kramdown, Python-Markdown, Hugo and Zola read it. Not part of GitHub's
    /// dialect, so not in ``gfm``: GitHub prints the braces.
    public static let headingAttributes = MarkdownExtension(name: .headingAttributes)

    /// Every extension: what GitHub renders.
    public static let gfm: Set<MarkdownExtension> = [
        .table, .strikethrough, .autolink, .taskList, .tagFilter, .footnotes,
    ]

    /// Looks an extension up by the name `cmark-gfm` uses (`table`, `strikethrough`, `autolink`,
    /// `tasklist`, `tagfilter`, `footnotes`), or `heading-attributes` for ``headingAttributes``.
    public init?(named name: String) {
        guard let known = Name(rawValue: name) else { return nil }
        self.name = known
    }

    private init(name: Name) {
        self.name = name
    }

    public var description: String { name.rawValue }
}
