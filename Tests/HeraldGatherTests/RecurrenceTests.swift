import HeraldCore
import Testing

@testable import HeraldGather

@Suite struct RecurrenceTests {
    private func day(_ text: String) -> IssueDate { IssueDate(parsing: text)! }

    private func dates(_ rule: String, from start: String, until: WallTime? = nil, through last: String) throws
        -> [String]
    {
        let rule = try RecurrenceRule(parsing: rule)
        return rule.occurrences(
            startingAt: WallTime(date: day(start), second: 19 * 3600), until: until, from: WallTime(date: day(start)),
            through: WallTime(date: day(last), second: 86_399)
        ).times.map(\.date.description)
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
        let until = WallTime(date: day("2025-07-23"), second: 86_399)
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

    @Test func aSeriesBegunCenturiesAgoJumpsToTheWindow() throws {
        let daily = try dates("FREQ=DAILY", from: "1700-01-01", through: "2025-07-02")
        #expect(daily.suffix(2) == ["2025-07-01", "2025-07-02"])
        let rule = try RecurrenceRule(parsing: "FREQ=MINUTELY;INTERVAL=7")
        let found = rule.occurrences(
            startingAt: WallTime(date: day("1700-01-01")), until: nil, from: WallTime(date: day("2025-07-02")),
            through: WallTime(date: day("2025-07-02"), second: 3599))
        #expect(!found.isCut)
        #expect(found.times.count == 9)
        let origin = WallTime(date: day("1700-01-01")).secondsSinceEpoch
        #expect(found.times.allSatisfy { ($0.secondsSinceEpoch - origin) % 420 == 0 })
    }

    /// Huge intervals, counts and years at the end of the calendar end the series; none traps.
    @Test(arguments: [
        ("FREQ=DAILY;INTERVAL=\(Int.max)", "2025-07-01"), ("FREQ=SECONDLY;INTERVAL=\(Int.max)", "2025-07-01"),
        ("FREQ=MONTHLY;INTERVAL=\(Int.max / 2)", "2025-07-01"), ("FREQ=WEEKLY;INTERVAL=\(Int.max / 3)", "2025-07-01"),
        ("FREQ=YEARLY;INTERVAL=\(Int.max)", "2025-07-01"), ("FREQ=YEARLY;COUNT=\(Int.max)", "9999-12-30"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=\(Int.max)", "9999-12-31"),
        ("FREQ=HOURLY;INTERVAL=\(Int.max / 60)", "9999-12-31"),
    ])
    func hugeNumbersEndTheSeriesWithoutATrap(rule: String, start: String) throws {
        #expect(try dates(rule, from: start, through: "9999-12-31") == [start])
    }

    @Test func aCountedSeriesTooDenseToListIsCutAndSaysSo() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=SECONDLY;COUNT=\(Int.max)")
        let found = rule.occurrences(
            startingAt: WallTime(date: day("2025-07-01")), until: nil, from: WallTime(date: day("2025-07-01")),
            through: WallTime(date: day("2025-07-10")), limit: 1_000)
        #expect(found.isCut)
        #expect(found.times.count == 1_000)
    }

    @Test(arguments: [
        "FREQ=FORTNIGHTLY", "BYDAY=MO", "FREQ=WEEKLY;INTERVAL=0", "FREQ=MONTHLY;BYDAY=9XX",
        "FREQ=MONTHLY;BYMONTHDAY=40", "FREQ=WEEKLY;UNTIL=tomorrow", "FREQ", "", "FREQ=DAILY;FREQ=DAILY",
        "RRULE:FREQ=DAILY", "FREQ=DAILY;INTERVAL=99999999999999999999", "FREQ=DAILY;COUNT=2;UNTIL=20250101",
        "RSCALE=HEBREW;FREQ=YEARLY", "FREQ=YEARLY;BYWEEKNO=54", "FREQ=YEARLY;BYYEARDAY=0", "FREQ=DAILY;BYHOUR=24",
        "FREQ=DAILY;SKIP=SIDEWAYS", "FREQ=MONTHLY;BYMONTHDAY=\(Int.min)", "FREQ=MONTHLY;BYDAY=\(Int.min)MO",
    ])
    func rulesHeraldCannotFollowAreRefused(rule: String) {
        #expect(throws: ContentLineError.self) { try RecurrenceRule(parsing: rule) }
    }
}
