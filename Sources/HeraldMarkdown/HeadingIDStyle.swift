/// How heading ids are made from a heading's text: the rule decides which addresses links from
/// elsewhere already use, so a site keeps the rule its pages were published with.
public struct HeadingIDStyle: Hashable, Sendable {
    enum Rule: Hashable, Sendable {
        case github
        case pythonMarkdown
    }

    let rule: Rule

    private init(rule: Rule) {
        self.rule = rule
    }

    /// GitHub's rule: lowercase, punctuation other than `-` and `_` dropped, each space a `-`, letters
    /// of every script kept, repeats numbered `-1`, `-2` (`CFP - Projects` → `cfp---projects`).
    public static let github = HeadingIDStyle(rule: .github)

    /// Python-Markdown's `toc` extension, as Pelican sites have it: folded to ASCII, punctuation
    /// dropped, runs of spaces and `-` one `-`, repeats numbered `_1`, `_2`, an empty id `_1`
    /// (`CFP - Projects` → `cfp-projects`).
    public static let pythonMarkdown = HeadingIDStyle(rule: .pythonMarkdown)

    /// Every style by the name `herald.toml` and the command line give it.
    public static let allNamed: [(name: String, style: HeadingIDStyle)] = [
        ("github", .github), ("python-markdown", .pythonMarkdown),
    ]

    /// The style called `name` (`github`, `python-markdown`), if there is one.
    public init?(named name: String) {
        guard let style = Self.allNamed.first(where: { $0.name == name })?.style else { return nil }
        self = style
    }

    /// The name `herald.toml` and the command line give this style.
    public var name: String {
        Self.allNamed.first { $0.style == self }?.name ?? "github"
    }
}
