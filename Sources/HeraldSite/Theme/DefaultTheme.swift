/// The theme built into Herald: its templates and stylesheet are string literals in the binary,
/// so a copied `herald` executable builds a complete site with no resource bundle beside it.
enum DefaultTheme {
    /// Template name → Mustache source. A newsletter replaces one with `theme/NAME.mustache`.
    static let templates: [String: String] = [
        TemplateName.layout: layout,
        TemplateName.issue: issue,
        TemplateName.home: home,
        TemplateName.archive: archive,
        TemplateName.category: category,
        TemplateName.page: page,
        TemplateName.notFound: notFound,
        TemplateName.search: search,
        TemplateName.insights: insights,
        TemplateName.crate: crate,
        TemplateName.quotes: quotes,
        TemplateName.people: people,
        TemplateName.region: region,
    ]

    /// Asset file name (under `theme/` in the output) → contents. A newsletter replaces one with a
    /// file of the same name in its `theme/` folder.
    static let assets: [String: String] = ["style.css": stylesheet, "search.js": searchScript]
}

/// The names of the templates Herald renders, as a newsletter names its overrides
/// (`theme/issue.mustache`). `docs/templates.md` lists each one's variables.
enum TemplateName {
    static let layout = "layout"
    static let issue = "issue"
    static let home = "home"
    static let archive = "archive"
    static let category = "category"
    static let page = "page"
    static let notFound = "404"
    static let search = "search"
    static let insights = "insights"
    static let crate = "crate"
    static let quotes = "quotes"
    static let people = "people"
    static let region = "region"
}
