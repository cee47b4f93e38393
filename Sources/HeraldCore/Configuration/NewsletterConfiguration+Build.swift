extension NewsletterConfiguration {
    /// The `[build]` table: what `herald build` puts on the web site beyond the issues.
    public struct Build: Hashable, Sendable {
        /// Where the site is written, relative to the newsletter folder, unless `--out` says otherwise.
        public var output: String
        /// How many of the newest issues the feeds carry in full: enough for a reader who was
        /// away for a while, few enough that feed readers fetch the file quickly.
        public var feedItems: Int
        /// How many recent issues the home page lists below the newest one.
        public var homeIssues: Int
        /// Where readers sign up for the email edition; the home page shows a subscribe box
        /// linking there when it is set.
        public var subscribeURL: String?
        /// Whether the site gets the insight pages (a page per crate and per region of event
        /// places, the people, the quotes) and each issue a note linking to them. Off by default:
        /// they add pages and a note to every issue page, which a weekly moving from another
        /// generator (This Week in Rust from Pelican, with no configuration) should choose to
        /// show its readers rather than find there.
        public var insights: Bool

        public init(
            output: String = "_site", feedItems: Int = 10, homeIssues: Int = 10, subscribeURL: String? = nil,
            insights: Bool = false
        ) {
            self.output = output
            self.feedItems = feedItems
            self.homeIssues = homeIssues
            self.subscribeURL = subscribeURL
            self.insights = insights
        }
    }
}

extension NewsletterConfiguration.Build: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.string("output") { output = value }
        if let value = table.integer("feed_items", in: 1...1000) { feedItems = value }
        if let value = table.integer("home_issues", in: 0...1000) { homeIssues = value }
        subscribeURL = table.string("subscribe_url")
        if let value = table.bool("insights") { insights = value }
        table.reportUnknownKeys()
    }
}
