import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// Issue 19, item 6: `[schedule] every` for fortnightlies, monthlies and irregular newsletters,
/// and `[content] first_issue_date` for issues whose files carry no date.
@Suite struct ScheduleTests {
    private func date(_ text: String) -> IssueDate { IssueDate(parsing: text)! }

    private func schedule(_ toml: String) throws -> NewsletterConfiguration.Schedule {
        try NewsletterConfiguration(toml: "[schedule]\n" + toml).schedule
    }

    private func problems(_ toml: String) -> [String] {
        do {
            _ = try NewsletterConfiguration(toml: "[schedule]\n" + toml)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test(arguments: [
        ("every = \"1 week\"", "1 week"), ("every = \"2 weeks\"", "2 weeks"), ("every = \"1 month\"", "1 month"),
        ("every = \"3 Months\"", "3 months"), ("interval_weeks = 2", "2 weeks"), ("lead_days = 2", "1 week"),
    ])
    func everyAndItsOlderSpellingAreRead(toml: String, interval: String) throws {
        #expect(try schedule(toml).every.description == interval)
    }

    @Test func aMonthlyHasNoWeekdayUnlessItNamesOne() throws {
        #expect(try schedule("every = \"1 month\"").weekday == nil)
        #expect(try schedule("every = \"1 month\"\nweekday = \"friday\"").weekday == .friday)
        #expect(try schedule("every = \"2 weeks\"").weekday == .wednesday)
    }

    @Test func badIntervalsAreErrorsAtTheirLineAndColumn() {
        #expect(
            problems("every = \"1 fortnight\"") == [
                "herald.toml:2:1: every '1 fortnight' is not an interval Herald schedules; write a number of weeks or months, such as \"1 week\", \"2 weeks\" or \"1 month\""
            ])
        #expect(
            problems("  every = \"13 months\"") == [
                "herald.toml:2:3: every '13 months' is out of range; write from 1 to 52 weeks, or from 1 to 12 months"
            ])
        #expect(
            problems("every = 2") == [
                "herald.toml:2:1: 'every' in [schedule] must be an interval such as \"1 week\" or \"1 month\", not an integer"
            ])
        #expect(
            problems("every = \"2 weeks\"\ninterval_weeks = 2") == [
                "herald.toml:3:1: [schedule] sets both 'every' and 'interval_weeks', its older spelling; keep 'every' and remove 'interval_weeks'"
            ])
    }

    @Test(arguments: [
        ("2025-01-31", 1, "2025-02-28"),  // February is shorter: its last day
        ("2025-01-31", 2, "2025-03-31"),  // counted from the start, so the chain does not drift
        ("2025-11-12", 2, "2026-01-12"),  // over the year's end
    ])
    func monthsKeepTheDayOfTheMonth(start: String, months: Int, expected: String) {
        let monthly = ScheduleInterval(count: 1, unit: .month)!
        #expect(monthly.date(months, after: date(start)) == date(expected))
    }

    @Test(arguments: [
        ("2025-09-05", "2025-10-03"),  // the first Friday stays the first
        ("2025-09-19", "2025-10-17"),  // the third stays the third
        ("2025-10-31", "2025-11-28"),  // November has no fifth Friday: its last
    ])
    func monthsWithAWeekdayKeepTheWeekOfTheMonth(start: String, expected: String) {
        let monthly = ScheduleInterval(count: 1, unit: .month)!
        #expect(monthly.date(1, after: date(start), on: .friday) == date(expected))
    }

    @Test func intervalsBetweenDatesAreRounded() {
        let monthly = ScheduleInterval(count: 1, unit: .month)!
        #expect(monthly.intervals(from: date("2025-07-12"), to: date("2025-09-12")) == 2)
        #expect(monthly.intervals(from: date("2025-07-12"), to: date("2025-08-09")) == 1)
        #expect(
            ScheduleInterval(count: 2, unit: .week)!.intervals(from: date("2025-06-18"), to: date("2025-07-16")) == 2)
    }

    private func monthly(_ schedule: String) throws -> Newsletter {
        try Newsletter(files: [
            "herald.toml": "[schedule]\n" + schedule,
            "draft/DRAFT_TEMPLATE": "Title: Burrow Monthly {{number}}\nDate: {{date}}\n\n## Releases\n",
            "content/2025-06-18-burrow.md": "Title: Burrow Monthly 2\nDate: 2025-06-18\n\n## Releases\n",
            "content/2025-05-18-burrow.md": "Title: Burrow Monthly 1\nDate: 2025-05-18\n\n## Releases\n",
        ])
    }

    @Test func aMonthlysNextIssueIsAMonthAfterTheLatestOnAnyWeekday() throws {
        let folder = try monthly("every = \"1 month\"\n")
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(today: date("2025-06-20"))
        #expect(draft.date == date("2025-07-18"))
        #expect(draft.number == 3)
        #expect(draft.warnings.isEmpty, "a Friday is no more off schedule than any other day")
    }

    @Test func aLapsedMonthlyKeepsItsDayOfTheMonthAndCountsTheMonths() throws {
        let folder = try monthly("every = \"1 month\"\n")
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(today: date("2025-09-16"))
        #expect(draft.date == date("2025-10-18"), "2025-09-18 leaves fewer than lead_days")
        #expect(draft.number == 6, "four months since issue 2 are four numbers")
    }

    @Test func aMonthlyOnAWeekdayKeepsItsWeekOfTheMonth() throws {
        let folder = try monthly("every = \"1 month\"\nweekday = \"wednesday\"\nnumbering = \"consecutive\"\n")
        let newsletter = try NewsletterFolder(at: folder.folder)
        let draft = try newsletter.nextDraft(today: date("2025-06-20"))
        #expect(draft.date == date("2025-07-16"), "2025-06-18 is the third Wednesday of June")
        #expect(draft.number == 3)
        let late = try newsletter.nextDraft(on: date("2025-07-17"), today: date("2025-06-20"))
        #expect(late.warnings.map(\.message) == ["2025-07-17 is a thursday, but issues come out on wednesdays"])
    }

    @Test func issuesWithoutDatesAreDatedFromTheirNumbers() throws {
        let folder = try Newsletter(files: [
            "herald.toml": """
            [content]
            patterns = ["issue-{number}.md"]
            first_issue_date = 2025-10-10

            [schedule]
            every = "1 week"
            weekday = "friday"
            """,
            "content/issue-1.md": "# 青石周刊：第 1 期\n\n欢迎。\n",
            "content/issue-3.md": "# 青石周刊：第 3 期\n\n聚会。\n",
            "content/issue-4.md": "---\ndate: 2025-11-01\n---\n\n# 青石周刊：第 4 期\n\n晚了一天。\n",
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        #expect(newsletter.problems.isEmpty)
        #expect(newsletter.issues.map(\.metadata.number) == [1, 3, 4])
        #expect(newsletter.issues.map(\.metadata.date.description) == ["2025-10-10", "2025-10-24", "2025-11-01"])
        #expect(newsletter.issues.map(\.metadata.title) == ["青石周刊：第 1 期", "青石周刊：第 3 期", "青石周刊：第 4 期"])
    }

    @Test func aFirstIssueDateMustBeADate() {
        #expect {
            try NewsletterConfiguration(toml: "[content]\nfirst_issue_date = \"10 October\"\n")
        } throws: { error in
            (error as? HeraldError)?.problems.map(\.description) == [
                "herald.toml:2:1: 'first_issue_date' in [content] must be a date such as 2025-10-10, not a string"
            ]
        }
    }
}
