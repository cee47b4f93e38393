package import HeraldMarkdown

/// A piece of another generator's syntax in an issue body: an MDX `import` or `<Component />`, a
/// Hugo or Zola shortcode, a Handlebars partial. Herald cannot run any of them, so it leaves them
/// out of every output rather than print them as text, and `herald check` names each one.
package struct ForeignConstruct: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// An MDX `import` or `export` statement, up to where it ends.
        case esm
        /// An MDX JSX tag with a capitalised name: `<Tabs>`, `</Tabs>`, `<Chart data={x} />`.
        case jsx
        /// `{{< name >}}`, `{{% name %}}` and their closing `{{< /name >}}`.
        case hugoShortcode
        /// `{{ name(args) }}`, `{% name(args) %}` and `{% end %}`.
        case zolaShortcode
        /// `{{> partial}}`.
        case handlebarsPartial
    }

    package let kind: Kind
    /// The name it calls (`figure`, `Tabs`, `youtube`, `end`); for a statement, `import` or `export`.
    package let name: String
    /// Where it is in the body, in UTF-8 bytes.
    package let range: Range<Int>
    /// Where it starts in the body.
    package let location: SourceLocation

    /// What it is, for a message: "Hugo shortcode 'figure'".
    package var description: String {
        switch kind {
        case .esm: "MDX \(name) statement"
        case .jsx: "MDX component <\(name)>"
        case .hugoShortcode: "Hugo shortcode '\(name)'"
        case .zolaShortcode: "Zola shortcode '\(name)'"
        case .handlebarsPartial: "Handlebars partial '\(name)'"
        }
    }

    /// What an editor can do about it, for a message.
    package var fix: String {
        switch kind {
        case .esm:
            "nothing, if the page needs none of what it brings in; Herald runs no JavaScript"
        case .jsx:
            "write what the component shows in Markdown or HTML; text between a pair of tags is kept"
        case .hugoShortcode, .zolaShortcode, .handlebarsPartial:
            "write what it produces in Markdown or HTML (a link, an image, a <figure>); text between a pair is kept"
        }
    }
}
