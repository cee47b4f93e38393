/// A Mustache template parsed once, when the theme is read: its text, variables, sections and
/// partials as a tree, each name already split and each function already known, so rendering a
/// page only looks values up.
///
/// Herald renders every page, feed and email through these; the library it used before looked
/// each name up through protocol casts and reflection, some 16,000 instructions a value, which
/// was most of what rendering the insight pages cost a build.
struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses Mustache as its specification has it (variables, `{{{raw}}}` and `{{&raw}}`,
    /// sections, inverted sections, comments, partials, set delimiters, standalone lines) with
    /// the functions of ``TemplateFunction``.
    init(parsing text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse()
    }
}

/// One part of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text written as it is.
    case text(String)
    /// `{{name}}`, escaped for HTML, or `{{{name}}}` and `{{&name}}`, written as they are.
    case variable(TemplateReference, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted` `{{^name}}…{{/name}}`.
    case section(TemplateReference, inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`; `indentation` is what precedes a partial alone on its line, put before each
    /// of its lines.
    case partial(name: String, indentation: String)
}

/// A name as a tag writes it: what it names and the functions applied to that, innermost
/// first (`uppercased(first(authors))` is `authors` with `first` then `uppercased`).
struct TemplateReference: Sendable {
    enum Subject: Sendable {
        /// `.`: the current item.
        case current
        /// No name, only a function (`last()`): where the current item is in its list.
        case position
        /// A dotted name (`site.title`), looked up from the innermost value outwards.
        case path([String])
    }

    let subject: Subject
    let functions: [TemplateFunction]
}
