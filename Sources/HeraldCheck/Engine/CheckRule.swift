public import HeraldCore

/// One rule of `herald check`: its stable id, how much it matters by default, and whether
/// `--fix` can repair what it finds.
public struct CheckRule: Hashable, Sendable {
    /// The id users write in `herald.toml` and in `<!-- herald-ignore RULE -->`.
    public let id: ProblemCode
    public let defaultSeverity: Severity
    /// Whether findings carry a safe edit that `--fix` applies.
    public let isFixable: Bool
    /// What the rule looks for, for `--help` and the documentation.
    public let summary: String
    /// Whether the rule runs only with `--online`.
    public let needsNetwork: Bool
    /// Whether the rule runs only with `--migrating`: a `dialect-*` rule, for an archive
    /// leaving Python-Markdown.
    public let isForMigration: Bool

    init(
        _ id: ProblemCode, _ severity: Severity, fixable: Bool = false, online: Bool = false, migrating: Bool = false,
        _ summary: String
    ) {
        self.id = id
        self.defaultSeverity = severity
        self.isFixable = fixable
        self.summary = summary
        self.needsNetwork = online
        self.isForMigration = migrating
    }

    /// Every rule, in the order the documentation lists them.
    public static let all: [CheckRule] = [
        CheckRule(.duplicateLink, .error, "a link already featured in this issue or an earlier one"),
        CheckRule(.trackingParameter, .error, fixable: true, "a link carrying tracking parameters (utm_*, fbclid…)"),
        CheckRule(.malformedURL, .error, "a link that is not a usable http, https or mailto address"),
        CheckRule(.simplifiableURL, .warning, fixable: true, "a link with a simpler equivalent address"),
        CheckRule(.suspiciousLink, .warning, "a bare repository or crates.io page in a link section"),
        CheckRule(.linkFormat, .error, "a link-section entry that is not `* [Title](URL)`"),
        CheckRule(.unknownPrefix, .error, "an entry prefix such as `[vid]` that is not configured"),
        CheckRule(.truncatedTitle, .warning, "a link title cut off with `...` or `…`"),
        CheckRule(.unknownSection, .warning, "a heading that names no known section"),
        CheckRule(.untypedContent, .warning, "text in a typed section that is no entry of it, kept as text"),
        CheckRule(.eventFormat, .error, "an event that is not `* DATE | LOCATION | [ORGANISER](URL)`"),
        CheckRule(.eventOutOfWindow, .error, "an event before the issue's date or after its window"),
        CheckRule(.eventOrder, .error, "events of a region not sorted by date"),
        CheckRule(.eventRegion, .error, "an events sub-heading that is not a configured region"),
        CheckRule(
            .cfpEventFormat, .error, "a call for speakers that is not `* [**Event**](URL) | closes | place | dates`"),
        CheckRule(.codeSpan, .error, "a backtick that opens no code span"),
        CheckRule(.rawHTML, .error, "an HTML tag outside the configured allow-list"),
        CheckRule(
            .foreignSyntax, .warning,
            "another generator's syntax (a shortcode, an MDX component or import), which the page leaves out"),
        CheckRule(.metadata, .error, "a missing or invalid header field"),
        CheckRule(.mojibake, .error, fixable: true, "UTF-8 text decoded as Windows-1252 somewhere (`â€”` for `—`)"),
        CheckRule(.invalidUTF8, .error, "bytes that are not UTF-8"),
        CheckRule(.bannedHost, .error, "a link to a host the section does not take"),
        CheckRule(.closedSection, .error, "an outside contributor's link in a section that takes none"),
        CheckRule(.deadLink, .error, online: true, "a link that answers with an error, times out or redirects"),
        CheckRule(
            .dialectListStart, .warning, fixable: true, migrating: true,
            "a list right after a paragraph line, which Python-Markdown reads as more of the paragraph"),
        CheckRule(
            .dialectListIndent, .warning, fixable: true, migrating: true,
            "a sub-item indented less than four spaces a level, which Python-Markdown does not nest"),
        CheckRule(
            .dialectOverIndent, .warning, fixable: true, migrating: true,
            "a sub-item indented four spaces past its item's text, which CommonMark reads as text"),
        CheckRule(
            .dialectEmptyReference, .warning, migrating: true,
            "a reference definition with no address (`[name]:`)"),
        CheckRule(
            .dialectDuplicateReference, .warning, migrating: true,
            "a second definition of a label, with another address: each dialect links a different one"),
        CheckRule(
            .dialectSplitLink, .warning, fixable: true, migrating: true,
            "`[text]` apart from its `(address)` or `[label]`, across a line end or a space"),
        CheckRule(
            .dialectScript, .warning, migrating: true, "a `<script>`, which Python-Markdown runs and Herald prints"),
        CheckRule(
            .dialectAttributes, .warning, migrating: true,
            "`{…}` that Python-Markdown's attr_list reads as attributes (`# Heading {#id}`, `{: .class}`)"),
    ]

    /// The rule with `id`, or `nil`.
    public static func rule(withID id: String) -> CheckRule? {
        byID[id]
    }

    /// ``all`` by id: every finding asks for its rule's severity, and a search of the list
    /// copied each rule it passed.
    private static let byID = Dictionary(all.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
}

extension ProblemCode {
    public static let duplicateLink = ProblemCode(rawValue: "duplicate-link")
    public static let trackingParameter = ProblemCode(rawValue: "tracking-parameter")
    public static let malformedURL = ProblemCode(rawValue: "malformed-url")
    public static let simplifiableURL = ProblemCode(rawValue: "simplifiable-url")
    public static let suspiciousLink = ProblemCode(rawValue: "suspicious-link")
    public static let linkFormat = ProblemCode(rawValue: "link-format")
    public static let unknownPrefix = ProblemCode(rawValue: "unknown-prefix")
    public static let truncatedTitle = ProblemCode(rawValue: "truncated-title")
    public static let unknownSection = ProblemCode(rawValue: "unknown-section")
    public static let eventFormat = ProblemCode(rawValue: "event-format")
    public static let eventOutOfWindow = ProblemCode(rawValue: "event-out-of-window")
    public static let eventOrder = ProblemCode(rawValue: "event-order")
    public static let eventRegion = ProblemCode(rawValue: "event-region")
    public static let cfpEventFormat = ProblemCode(rawValue: "cfp-event-format")
    public static let codeSpan = ProblemCode(rawValue: "code-span")
    public static let rawHTML = ProblemCode(rawValue: "raw-html")
    public static let foreignSyntax = ProblemCode(rawValue: "foreign-syntax")
    public static let metadata = ProblemCode(rawValue: "metadata")
    public static let mojibake = ProblemCode(rawValue: "mojibake")
    public static let bannedHost = ProblemCode(rawValue: "banned-host")
    public static let closedSection = ProblemCode(rawValue: "closed-section")
    public static let deadLink = ProblemCode(rawValue: "dead-link")
    public static let dialectListStart = ProblemCode(rawValue: "dialect-list-start")
    public static let dialectListIndent = ProblemCode(rawValue: "dialect-list-indent")
    public static let dialectOverIndent = ProblemCode(rawValue: "dialect-over-indent")
    public static let dialectEmptyReference = ProblemCode(rawValue: "dialect-empty-reference")
    public static let dialectDuplicateReference = ProblemCode(rawValue: "dialect-duplicate-reference")
    public static let dialectSplitLink = ProblemCode(rawValue: "dialect-split-link")
    public static let dialectScript = ProblemCode(rawValue: "dialect-script")
    public static let dialectAttributes = ProblemCode(rawValue: "dialect-attributes")
    /// `[check.rules]` in `herald.toml` names a rule that does not exist.
    public static let unknownRule = ProblemCode(rawValue: "unknown-rule")
}
