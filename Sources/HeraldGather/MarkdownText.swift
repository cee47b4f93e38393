import HeraldMarkdown

/// How the gatherers write text into Markdown: through HeraldMarkdown's ``MarkdownTextWriter``,
/// so that gathered sections escape exactly what the site's parser would read as markup, and
/// nothing else.
enum MarkdownText {
    static let writer = MarkdownTextWriter()

    /// `text` as link text, on one line, escaped only where it would otherwise be markup.
    static func escaped(_ text: String) -> String {
        writer.linkText(text)
    }

    /// A link destination that cannot end the link early.
    static func destination(_ url: String) -> String {
        writer.destination(url)
    }

    /// `[text](url)`, or the text alone without an address.
    static func link(_ text: String, _ url: String?) -> String {
        writer.link(text, to: url)
    }
}
