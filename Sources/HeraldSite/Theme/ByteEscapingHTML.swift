import Mustache

/// Mustache's HTML escaping done on UTF-8 bytes by ``MarkupEscaping``: the same five
/// references as the library's own, which walks `Character`s through a dictionary and was a
/// tenth of a build's instructions. Working on bytes also escapes a `<` that a combining mark
/// follows, which a `Character` comparison lets through.
///
/// The library picks a content type per template through a pragma; ``Theme`` starts every
/// template with ``pragma``, so overrides get it too.
struct ByteEscapingHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// The line ``Theme`` puts before each template; a tag alone on its line renders as nothing.
    static let pragma: String = {
        MustacheContentTypes.register(ByteEscapingHTML(), named: name)
        return "{{%CONTENT_TYPE:\(name)}}\n"
    }()

    private static let name = "HERALD_HTML"
}
