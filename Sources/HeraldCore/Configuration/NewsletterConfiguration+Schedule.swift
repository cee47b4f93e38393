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

        public init(weekday: Weekday = .wednesday, intervalWeeks: Int = 1, leadDays: Int = 4) {
            self.weekday = weekday
            self.intervalWeeks = intervalWeeks
            self.leadDays = leadDays
        }
    }
}
