public import HeraldMarkdown

extension NewsletterConfiguration {
    /// The `[markdown]` table: how issue bodies become HTML where generators differ.
    public struct Markdown: Hashable, Sendable {
        /// The rule heading ids follow; `nil` follows the site: Python-Markdown's on a site that
        /// moves from Pelican (its published ids are what links from elsewhere point at), GitHub's
        /// on any other.
        public var headingIDs: HeadingIDStyle?

        public init(headingIDs: HeadingIDStyle? = nil) {
            self.headingIDs = headingIDs
        }
    }

    /// The rule the site's heading ids follow: `[markdown] heading_ids`, else the legacy site's.
    public var headingIDStyle: HeadingIDStyle {
        markdown.headingIDs ?? (site.legacy == .pelican ? .pythonMarkdown : .github)
    }

    /// The category of an issue whose file names none: `[site] default_category`, else Pelican's
    /// `misc` on a site that moves from Pelican, where such issues were published under it.
    public var defaultCategory: String? {
        site.defaultCategory ?? (site.legacy == .pelican ? "misc" : nil)
    }
}

extension NewsletterConfiguration.Markdown: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        let names = HeadingIDStyle.allNamed.map { "'\($0.name)'" }.joined(separator: " or ")
        headingIDs = table.parsed("heading_ids", describedAs: names) { text in
            guard let style = HeadingIDStyle(named: text) else {
                return .failure(
                    Problem(.invalidValue, message: "heading_ids '\(text)' is not a rule", fix: "write \(names)"))
            }
            return .success(style)
        }
        table.reportUnknownKeys()
    }
}
