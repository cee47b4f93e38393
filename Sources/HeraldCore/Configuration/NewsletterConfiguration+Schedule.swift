extension NewsletterConfiguration {
    /// The `[schedule]` table: when issues come out, which is how `herald new` picks the next
    /// date and number.
    public struct Schedule: Hashable, Sendable {
        /// The day of the week issues are dated.
        public var weekday: Weekday
        /// Weeks between two issues (1 for a weekly, 2 for a fortnightly).
        public var intervalWeeks: Int
        /// The fewest days between today and the next issue's date that `herald new` picks by
        /// default: the editors need that long to fill a draft.
        public var leadDays: Int
        /// How `herald new` numbers the next issue.
        public var numbering: Numbering

        public init(
            weekday: Weekday = .wednesday, intervalWeeks: Int = 1, leadDays: Int = 4, numbering: Numbering = .weeks
        ) {
            self.weekday = weekday
            self.intervalWeeks = intervalWeeks
            self.leadDays = leadDays
            self.numbering = numbering
        }
    }

    /// How the next issue's number follows from the latest: This Week in Rust counts the weeks
    /// between them, so a skipped week skips a number; most other newsletters count issues.
    public enum Numbering: String, Hashable, Sendable, CaseIterable {
        /// The latest number plus one, however long ago the latest issue came out.
        case consecutive
        /// The latest number plus the intervals (`interval_weeks`) since its date.
        case weeks
    }
}
