extension NewsletterConfiguration {
    /// The `[schedule]` table: when issues come out, which is how `herald new` picks the next
    /// date and number.
    public struct Schedule: Hashable, Sendable {
        /// The day of the week issues are dated; `nil` for a monthly that names none, whose
        /// issues keep the latest issue's day of the month instead.
        public var weekday: Weekday?
        /// The time between two issues (`every`): one week for a weekly, two for a fortnightly,
        /// one month for a monthly.
        public var every: ScheduleInterval
        /// The fewest days between today and the next issue's date that `herald new` picks by
        /// default: the editors need that long to fill a draft.
        public var leadDays: Int
        /// How `herald new` numbers the next issue.
        public var numbering: Numbering

        public init(
            weekday: Weekday? = .wednesday, every: ScheduleInterval = .week, leadDays: Int = 4,
            numbering: Numbering = .weeks
        ) {
            self.weekday = weekday
            self.every = every
            self.leadDays = leadDays
            self.numbering = numbering
        }

        /// The date `intervals` issues after `start` on this schedule.
        public func date(_ intervals: Int, after start: IssueDate) -> IssueDate {
            every.date(intervals, after: start, on: weekday)
        }
    }

    /// How the next issue's number follows from the latest: This Week in Rust counts the weeks
    /// between them, so a skipped week skips a number; most other newsletters count issues.
    public enum Numbering: String, Hashable, Sendable, CaseIterable {
        /// The latest number plus one, however long ago the latest issue came out.
        case consecutive
        /// The latest number plus the intervals (`every`) since its date.
        case weeks
    }
}
