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
    static let rss = "rss"
    static let atom = "atom"
    /// `theme/feed.json.mustache`.
    static let jsonFeed = "feed.json"
    static let sitemap = "sitemap"
}
