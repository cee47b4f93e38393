import HeraldCore
import Testing

@testable import HeraldGather

@Suite struct RecurrenceTests {
    private func day(_ text: String) -> IssueDate { IssueDate(parsing: text)! }

    private func dates(_ rule: String, from start: String, until: LocalTime? = nil, through last: String) throws
        -> [String]
    {
        let rule = try RecurrenceRule(parsing: rule)
        return rule.dates(from: LocalTime(date: day(start), minutes: 1140), until: until, through: day(last))
            .map(\.description)
    }

    @Test func everyOtherThursday() throws {
        #expect(
            try dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", from: "2025-06-12", through: "2025-07-31")
                == ["2025-06-12", "2025-06-26", "2025-07-10", "2025-07-24"])
    }

    @Test func severalWeekdaysAWeek() throws {
        #expect(
            try dates("FREQ=WEEKLY;BYDAY=MO,WE", from: "2025-06-30", through: "2025-07-09")
                == ["2025-06-30", "2025-07-02", "2025-07-07", "2025-07-09"])
    }

    @Test func secondTuesdayAndLastFridayOfTheMonth() throws {
        #expect(
            try dates("FREQ=MONTHLY;BYDAY=2TU", from: "2025-05-13", through: "2025-08-31")
                == ["2025-05-13", "2025-06-10", "2025-07-08", "2025-08-12"])
        #expect(
            try dates("FREQ=MONTHLY;BYDAY=-1FR", from: "2025-05-30", through: "2025-07-31")
                == ["2025-05-30", "2025-06-27", "2025-07-25"])
    }

    @Test func lastDayOfTheMonthWithACount() throws {
        #expect(
            try dates("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4", from: "2025-01-31", through: "2025-12-31")
                == ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"])
    }

    @Test func theThirtyFirstSkipsShortMonths() throws {
        #expect(
            try dates("FREQ=MONTHLY", from: "2025-01-31", through: "2025-05-31")
                == ["2025-01-31", "2025-03-31", "2025-05-31"])
    }

    @Test func firstWeekdayOfTheMonthWithSetPosition() throws {
        #expect(
            try dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", from: "2025-06-02", through: "2025-08-31")
                == ["2025-06-02", "2025-07-01", "2025-08-01"])
    }

    @Test func untilIsInclusiveAndCountsAreFromTheStart() throws {
        let until = LocalTime(date: day("2025-07-23"), minutes: 1439)
        #expect(
            try dates("FREQ=WEEKLY", from: "2025-07-02", until: until, through: "2025-12-31")
                == ["2025-07-02", "2025-07-09", "2025-07-16", "2025-07-23"])
        #expect(
            try dates("FREQ=DAILY;COUNT=3", from: "2025-07-01", through: "2025-07-02") == ["2025-07-01", "2025-07-02"])
    }

    @Test func yearlyAndDailyWithFilters() throws {
        #expect(
            try dates("FREQ=YEARLY", from: "2024-02-29", through: "2029-01-01") == ["2024-02-29", "2028-02-29"])
        #expect(
            try dates("FREQ=DAILY;BYDAY=SA,SU", from: "2025-07-04", through: "2025-07-13")
                == ["2025-07-04", "2025-07-05", "2025-07-06", "2025-07-12", "2025-07-13"])
    }

    @Test func anOldDailySeriesIsWalkedToTheWindow() throws {
        let found = try dates("FREQ=DAILY", from: "1990-01-01", through: "2025-07-02")
        #expect(found.last == "2025-07-02")
    }

    @Test(arguments: [
        "FREQ=SECONDLY", "BYDAY=MO", "FREQ=WEEKLY;INTERVAL=0", "FREQ=MONTHLY;BYDAY=9XX",
        "FREQ=MONTHLY;BYMONTHDAY=40", "FREQ=WEEKLY;UNTIL=tomorrow", "FREQ",
    ])
    func rulesHeraldCannotFollowAreRefused(rule: String) {
        #expect(throws: ContentLineError.self) { try RecurrenceRule(parsing: rule) }
    }
}
