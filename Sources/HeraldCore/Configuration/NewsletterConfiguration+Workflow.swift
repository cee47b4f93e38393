extension NewsletterConfiguration {
    /// The `[workflow]` table: how `herald submit` and `herald publish` read a draft's editorial
    /// comments, and where a link goes when its contributor names no section.
    ///
    /// The markers are HTML comments, so they never show in the published issue and survive
    /// any Markdown tool the editors use.
    public struct Workflow: Hashable, Sendable {
        /// The text of the comment that closes a list for this week (`<!-- cut -->`): entries
        /// below it, up to the next heading, are carried to the next draft by `herald publish`.
        public var cutMarker: String
        /// The text of the comment that marks one entry for the next issue (`<!-- next issue -->`).
        public var nextIssueMarker: String
        /// The link category `herald submit` uses without `--section`.
        public var defaultSection: String

        public init(
            cutMarker: String = "cut", nextIssueMarker: String = "next issue", defaultSection: String = "Miscellaneous"
        ) {
            self.cutMarker = cutMarker
            self.nextIssueMarker = nextIssueMarker
            self.defaultSection = defaultSection
        }
    }
}

extension NewsletterConfiguration.Workflow: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.string("cut_marker") { cutMarker = value }
        if let value = table.string("next_issue_marker") { nextIssueMarker = value }
        if let value = table.string("default_section") { defaultSection = value }
        table.reportUnknownKeys()
    }
}
