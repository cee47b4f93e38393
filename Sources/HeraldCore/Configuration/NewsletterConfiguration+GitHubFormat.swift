extension NewsletterConfiguration.Gather.GitHub {
    /// How `herald gather github` writes its sections: the choices in which newsletters (and This
    /// Week in Rust over the years) differ. The defaults are what This Week in Rust publishes.
    public struct Format: Hashable, Sendable {
        /// The order of items within a group.
        public var itemOrder: ItemOrder
        /// How the merged pull request count links its search.
        public var mergedLink: MergedLink
        /// Written before each new RFC (`[new] `, as TWiR wrote in 2024); empty by default.
        public var newRFCPrefix: String
        /// Whether New and Updated RFCs lists only pull requests still open.
        public var newRFCsOpenOnly: Bool
        /// Whether an item in its final comment period without a `disposition-…` label is written
        /// `[disposition: unspecified]`; TWiR writes it plainly.
        public var writesUnspecifiedDisposition: Bool
        /// The heading level of calls-for-testing groups when printed (`#####`).
        public var testingHeadingLevel: Int
        /// The heading level of final-comment-period groups when printed (`#####`).
        public var commentPeriodHeadingLevel: Int
        /// The note for calls-for-testing groups without items; `{groups}` is their links, one a line.
        public var noCallsForTesting: String
        /// The note for final-comment-period groups without items; `{groups}` as above.
        public var noFinalCommentPeriod: String
        /// The line written when no RFC was approved.
        public var noApprovedRFCs: String
        /// The line written when no RFC was opened.
        public var noNewRFCs: String

        public init(
            itemOrder: ItemOrder = .updated, mergedLink: MergedLink = .reference, newRFCPrefix: String = "",
            newRFCsOpenOnly: Bool = true, writesUnspecifiedDisposition: Bool = false, testingHeadingLevel: Int = 5,
            commentPeriodHeadingLevel: Int = 5,
            noCallsForTesting: String = "*No calls for testing were issued this week by\n{groups}.*",
            noFinalCommentPeriod: String = "*No Items entered Final Comment Period this week for\n{groups}.*",
            noApprovedRFCs: String = "* *No RFCs were approved this week.*",
            noNewRFCs: String = "* *No New or Updated RFCs were created this week.*"
        ) {
            self.itemOrder = itemOrder
            self.mergedLink = mergedLink
            self.newRFCPrefix = newRFCPrefix
            self.newRFCsOpenOnly = newRFCsOpenOnly
            self.writesUnspecifiedDisposition = writesUnspecifiedDisposition
            self.testingHeadingLevel = testingHeadingLevel
            self.commentPeriodHeadingLevel = commentPeriodHeadingLevel
            self.noCallsForTesting = noCallsForTesting
            self.noFinalCommentPeriod = noFinalCommentPeriod
            self.noApprovedRFCs = noApprovedRFCs
            self.noNewRFCs = noNewRFCs
        }
    }

    /// The order of a group's items.
    public enum ItemOrder: String, Hashable, Sendable, CaseIterable {
        /// GitHub's most recently updated first, as TWiR lists them.
        case updated
        /// The highest number (the newest item) first.
        case number
    }

    /// How the merged count links its search.
    public enum MergedLink: String, Hashable, Sendable, CaseIterable {
        /// `[merged in the last week][merged]` and a `[merged]: URL` line, as TWiR writes it.
        case reference
        /// `[merged in the last week](URL)`.
        case inline
    }
}

extension NewsletterConfiguration.Gather.GitHub.Format {
    /// The keys of `[gather.github]` that set the format.
    static let keys = [
        "item_order", "merged_link", "new_rfc_prefix", "new_rfcs_open_only", "unspecified_disposition",
        "testing_heading_level", "fcp_heading_level", "no_calls_for_testing", "no_final_comment_period",
        "no_approved_rfcs", "no_new_rfcs",
    ]

    /// Reads the format keys of `[gather.github]`, keeping the defaults for those not given.
    mutating func read(_ table: inout ConfigurationTableReader) {
        let order: NewsletterConfiguration.Gather.GitHub.ItemOrder? = table.parsed(
            "item_order", describedAs: "\"updated\" or \"number\"", Self.choice)
        if let order { itemOrder = order }
        let link: NewsletterConfiguration.Gather.GitHub.MergedLink? = table.parsed(
            "merged_link", describedAs: "\"reference\" or \"inline\"", Self.choice)
        if let link { mergedLink = link }
        if let value = table.string("new_rfc_prefix") { newRFCPrefix = value }
        if let value = table.bool("new_rfcs_open_only") { newRFCsOpenOnly = value }
        if let value = table.bool("unspecified_disposition") { writesUnspecifiedDisposition = value }
        if let value = table.integer("testing_heading_level", in: 1...6) { testingHeadingLevel = value }
        if let value = table.integer("fcp_heading_level", in: 1...6) { commentPeriodHeadingLevel = value }
        for (key, path) in [
            ("no_calls_for_testing", \Self.noCallsForTesting), ("no_final_comment_period", \.noFinalCommentPeriod),
        ] {
            guard let value = table.string(key) else { continue }
            if value.contains("{groups}") {
                self[keyPath: path] = value
            } else {
                table.report(
                    key, "'\(key)' must say where the groups go with {groups}",
                    fix: "write it like \"*None from {groups}.*\"")
            }
        }
        if let value = table.string("no_approved_rfcs") { noApprovedRFCs = value }
        if let value = table.string("no_new_rfcs") { noNewRFCs = value }
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String) -> Result<Choice, Problem>
    where Choice.RawValue == String {
        guard let value = Choice(rawValue: text) else {
            let names = Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            return .failure(Problem(.invalidValue, message: "'\(text)' is not one of \(names)", fix: "use \(names)"))
        }
        return .success(value)
    }
}
