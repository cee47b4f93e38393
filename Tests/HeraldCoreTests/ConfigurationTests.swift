import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldCore

@Suite struct ConfigurationTests {
    private func problems(_ toml: String) -> [Problem] {
        do {
            _ = try NewsletterConfiguration(toml: toml)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func anEmptyFileIsThisWeekInRustAsANewSite() throws {
        let configuration = try NewsletterConfiguration(toml: "")
        var twirWithoutPelican = NewsletterConfiguration.twir
        twirWithoutPelican.site.legacy = nil
        #expect(configuration == twirWithoutPelican)
        #expect(
            NewsletterConfiguration.twir.site.legacy == .pelican, "a checkout without herald.toml moves from Pelican")
        #expect(configuration.headingIDStyle == .github)
        #expect(NewsletterConfiguration.twir.headingIDStyle == .pythonMarkdown)
        #expect(NewsletterConfiguration.twir.defaultCategory == "misc")
        #expect(configuration.defaultCategory == nil)
        #expect(configuration.site.title == "This Week in Rust")
        #expect(configuration.site.baseURL == "https://this-week-in-rust.org")
        #expect(configuration.site.timeZone == "America/New_York")
        #expect(configuration.paths.content == "content")
        #expect(configuration.paths.drafts == "draft")
        #expect(configuration.paths.pages == "content/pages")
        #expect(configuration.schedule.weekday == .wednesday)
        #expect(configuration.schedule.leadDays == 4)
        #expect(configuration.events.windowWeeks == 4)
        #expect(configuration.sections.kind(ofHeading: "Crate of the Week") == .crateOfTheWeek)
    }

    @Test func theDefaultURLIsTheLiveSites() throws {
        let metadata = IssueMetadata(title: "This Week in Rust 533", date: IssueDate(year: 2024, month: 1, day: 31)!)
        #expect(
            NewsletterConfiguration.twir.site.url(of: metadata)
                == "https://this-week-in-rust.org/blog/2024/01/31/this-week-in-rust-533/")
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [site]
                title = "This Week in Quill"
                base_url = "https://quill.example/"
                author = "Quill editors"
                language = "en-GB"
                time_zone = "Europe/Berlin"
                article_url = "issues/{number}/"

                [paths]
                content = "issues"
                drafts = "next"

                [schedule]
                weekday = "Friday"
                interval_weeks = 2
                lead_days = 2

                [drafts]
                template = "templates/issue.md"
                file_name = "{number}-{slug}.md"

                [events]
                window_weeks = 6

                [sections]
                preset = "this-week-in-rust"
                "Quill Crate Spotlight" = "crate-of-the-week"
                "Jobs" = "generic"
                """)
        #expect(configuration.site.title == "This Week in Quill")
        #expect(configuration.site.baseURL == "https://quill.example")
        #expect(configuration.site.author == "Quill editors")
        #expect(configuration.site.language == "en-GB")
        #expect(configuration.site.timeZone == "Europe/Berlin")
        #expect(configuration.paths.content == "issues")
        #expect(configuration.paths.pages == "issues/pages")
        #expect(configuration.paths.drafts == "next")
        #expect(
            configuration.schedule
                == .init(weekday: .friday, every: ScheduleInterval(count: 2, unit: .week)!, leadDays: 2))
        #expect(configuration.drafts.template == "templates/issue.md")
        #expect(configuration.events.windowWeeks == 6)
        let metadata = IssueMetadata(
            title: "This Week in Quill 7", number: 7, date: IssueDate(year: 2025, month: 3, day: 7)!)
        #expect(configuration.site.url(of: metadata) == "https://quill.example/issues/7/")
        #expect(configuration.drafts.fileName.filled(for: metadata) == "7-this-week-in-quill-7.md")
        #expect(configuration.sections.kind(ofHeading: "Quill Crate Spotlight") == .crateOfTheWeek)
        #expect(configuration.sections.kind(ofHeading: "Jobs") == .generic)
        #expect(configuration.sections.kind(ofHeading: "Upcoming Events") == .events)
    }

    @Test func thisWeekInRustsSectionNamesApplyOnlyToThisWeekInRust() throws {
        let twir = try NewsletterConfiguration(toml: "[list]\ndatabase = \"list.sqlite\"\n")
        #expect(twir.sections.kind(ofHeading: "Jobs") == .jobs)
        let other = try NewsletterConfiguration(
            toml: "[site]\ntitle = \"Quill Weekly\"\n\n[sections]\n\"Feather of the Week\" = \"crate-of-the-week\"\n")
        #expect(other.sections.kind(ofHeading: "Jobs") == nil)
        #expect(other.sections.kind(ofHeading: "Upcoming Events") == nil)
        #expect(other.sections.kind(ofHeading: "Feather of the Week") == .crateOfTheWeek)
        let optedIn = try NewsletterConfiguration(
            toml: "[site]\ntitle = \"Quill Weekly\"\n\n[sections]\npreset = \"this-week-in-rust\"\n")
        #expect(optedIn.sections.kind(ofHeading: "Jobs") == .jobs)
        let optedOut = try NewsletterConfiguration(toml: "[sections]\npreset = \"none\"\n")
        #expect(optedOut.sections.rules.isEmpty)
        let problem = try #require(problems("[sections]\npreset = \"this-week-in-rst\"\n").first)
        #expect(
            problem.description
                == "herald.toml:2:1: 'this-week-in-rst' is not a preset of section names; did you mean 'this-week-in-rust'? write 'this-week-in-rust' or 'none'"
        )
    }

    @Test func unknownKeysNameTheKeyLineAndNearestKnownKey() {
        let found = problems(
            """
            [site]
            title = "Quill"
            titel = "Quill"

            [sectoins]
            "Jobs" = "jobs"
            """)
        #expect(found.count == 2)
        #expect(found.map(\.code) == [.unknownKey, .unknownKey])
        #expect(found[0].location?.line == 3)
        #expect(found[0].description == "herald.toml:3:1: unknown key 'titel' in [site]; did you mean 'title'?")
        #expect(found[1].location?.line == 5)
        #expect(found[1].description.hasPrefix("herald.toml:5:1: unknown table [sectoins]; did you mean 'sections'?"))
    }

    @Test func anUnknownKeyWithNoNearNameListsTheKnownOnes() throws {
        let found = problems("[events]\ncolour = 3\n")
        let problem = try #require(found.first)
        #expect(problem.message == "unknown key 'colour' in [events]")
        #expect(problem.fix == "[events] knows 'window_weeks', 'regions'")
    }

    @Test func wrongTypesNameTheKeyTheLineAndTheTypes() {
        let found = problems(
            """
            # comment
            [schedule]
            weekday = 3
            lead_days = "four"
            [site]
            title = ["a", "b"]
            """)
        #expect(found.map(\.location?.line) == [3, 4, 6])
        #expect(found[0].message == "'weekday' in [schedule] must be a day name such as \"wednesday\", not an integer")
        #expect(found[1].message == "'lead_days' in [schedule] must be an integer from 0 to 365, not a string")
        #expect(found[2].message == "'title' in [site] must be a string, not an array")
    }

    @Test func aTableWhereAValueBelongsIsAWrongType() throws {
        let problem = try #require(problems("site = \"x\"\n").first)
        #expect(problem.message == "'site' must be a table, written [site], not a string")
    }

    @Test func aSiteMovingFromPelicanKeepsItsIDsAndCategory() throws {
        let moving = try NewsletterConfiguration(toml: "[site]\nlegacy = \"pelican\"\n")
        #expect(moving.headingIDStyle == .pythonMarkdown)
        #expect(moving.defaultCategory == "misc")
        let chosen = try NewsletterConfiguration(
            toml: "[site]\nlegacy = \"pelican\"\ndefault_category = \"Issues\"\n[markdown]\nheading_ids = \"github\"\n")
        #expect(chosen.headingIDStyle == .github)
        #expect(chosen.defaultCategory == "Issues")
        let found = problems("[site]\nlegacy = \"jekyll\"\n[markdown]\nheading_ids = \"gitlab\"\n")
        #expect(found.map(\.location?.line) == [2, 4])
        #expect(found.allSatisfy { $0.code == .invalidValue })
        #expect(found[1].fix == "write 'github' or 'python-markdown'")
    }

    @Test func invalidValuesAreExplained() {
        let found = problems(
            """
            [site]
            base_url = "ftp://example.org"
            time_zone = "Mars/Olympus"
            article_url = "blog/{yaer}/{slug}/"
            [schedule]
            weekday = "wendesday"
            interval_weeks = 0
            """)
        #expect(found.map(\.location?.line) == [2, 3, 4, 6, 7])
        #expect(found.allSatisfy { $0.code == .invalidValue })
        #expect(found[2].message.contains("'{yaer}' is not a placeholder"))
        #expect(found[2].message.contains("did you mean '{year}'?"))
        #expect(found[3].fix == "did you mean 'wednesday'?")
        #expect(found[4].message == "'interval_weeks' in [schedule] is 0, but it must be an integer from 1 to 52")
    }

    @Test func unknownSectionKindsSuggestTheNearest() throws {
        let problem = try #require(problems("[sections]\n\"Spotlight\" = \"crate-of-teh-week\"\n").first)
        #expect(problem.location?.line == 2)
        #expect(problem.message == "section 'Spotlight' maps to 'crate-of-teh-week', which is not a section kind")
        #expect(problem.fix == "did you mean 'crate-of-the-week'?")
    }

    @Test func syntaxErrorsCarryTOMLKitsPosition() throws {
        let problem = try #require(problems("[site]\ntitle = \"unclosed\n").first)
        #expect(problem.code == .invalidTOML)
        #expect(problem.location?.line == 2)
    }

    @Test func aFolderWithoutHeraldTomlGetsTheDefaults() throws {
        let weekly = try Newsletter()
        #expect(try NewsletterConfiguration.load(fromFolder: weekly.folder) == .twir)
        try weekly.write("[site]\ntitle = \"Quill\"\n", to: "herald.toml")
        #expect(try NewsletterConfiguration.load(fromFolder: weekly.folder).site.title == "Quill")
    }

    /// A configuration that opens but cannot be read says the read's own reason, not whatever
    /// `errno` held afterwards: here a link to a file whose reading fails (`/proc/self/mem` at
    /// offset 0, an unmapped address).
    @Test func aConfigurationThatCannotBeReadSaysWhy() throws {
        try #require(FileManager.default.fileExists(atPath: "/proc/self/mem"))
        let weekly = try Newsletter()
        try FileManager.default.createSymbolicLink(
            atPath: weekly.folder.appendingPathComponent("herald.toml").path, withDestinationPath: "/proc/self/mem")
        #expect {
            try NewsletterConfiguration.load(fromFolder: weekly.folder)
        } throws: { error in
            guard let problem = (error as? HeraldError)?.problems.first else { return false }
            return problem.code == .unreadable
                && problem.message == "cannot read the configuration (Input/output error)"
                && problem.fix == "check that it is a regular file"
        }
    }

    @Test func theKeyLocatorSkipsStringsAndFindsDottedAndQuotedKeys() {
        let locator = TOMLKeyLocator(
            text: """
                title = \"\"\"
                [not.a.table]
                fake = 1
                \"\"\"
                list = [
                  "a = b", # comment
                  { x = 1 },
                ]
                site.author = "x"
                [sections]
                "Crate of the Week" = 'crate-of-the-week'
                  [ paths ]
                drafts = "d"
                """)
        #expect(locator.location(of: ["title"])?.line == 1)
        #expect(locator.location(of: ["not", "a", "table"]) == nil)
        #expect(locator.location(of: ["fake"]) == nil)
        #expect(locator.location(of: ["list"])?.line == 5)
        #expect(locator.location(of: ["site", "author"])?.line == 9)
        #expect(locator.location(of: ["sections"])?.line == 10)
        #expect(locator.location(of: ["sections", "Crate of the Week"])?.line == 11)
        #expect(locator.location(of: ["paths", "drafts"])?.line == 13)
        #expect(locator.location(of: ["paths"])?.column == 3)
    }

    @Test func suggestionsAllowAFewEdits() {
        #expect(Suggestion.closest(to: "sectoins", among: ["site", "sections"]) == "sections")
        #expect(Suggestion.closest(to: "tz", among: ["time_zone"]) == nil)
        #expect(Suggestion.editDistance("abc", "acb") == 1)
    }

    /// ASCII words are compared byte by byte; a character beyond ASCII (the same one appended to
    /// both words, which changes no distance) sends them through the table over `Character`s.
    @Test func editDistanceIsTheSameOnBytesAsOnCharacters() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcde AB\r\n")
        for _ in 0..<2_000 {
            let a = String((0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement()! })
            let b = String((0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement()! })
            #expect(Suggestion.editDistance(a, b) == Suggestion.editDistance(a + "\u{E9}", b + "\u{E9}"), "\(a) \(b)")
        }
        #expect(Suggestion.editDistance("caf\u{E9}", "cafe") == 1)
        #expect(Suggestion.editDistance("a\r\nb", "a\nb") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
    }
}

/// `[site] language` picks the labels' table; `[labels]` rewords one; a label that does not
/// exist is reported at its line.
struct SiteLabelsTests {
    @Test func theLanguageTagPicksATableAndEnglishFillsTheGaps() {
        #expect(SiteLabels(language: "zh-CN")[.previousIssue] == "上一期")
        #expect(SiteLabels(language: "zh-Hans")[.nextIssue] == "下一期")
        #expect(SiteLabels(language: "de")[.archive] == "Archiv")
        #expect(SiteLabels(language: "de")[.searchHint] == SiteLabels(language: "en")[.searchHint])
        #expect(SiteLabels(language: "tlh")[.archive] == "Archive")
        #expect(
            SiteLabels(language: "en").text(.archiveIntro, ["count": "3", "title": "Quill"])
                == "3 issues of Quill, newest first.")
    }

    @Test func englishAndChineseHaveEveryLabel() {
        let keys = Set(SiteLabels.Key.allCases)
        #expect(Set(SiteLabels.english.keys) == keys)
        #expect(Set(SiteLabels.chinese.keys) == keys)
        #expect(SiteLabels(language: "zh")[.insightsTitle] != SiteLabels(language: "en")[.insightsTitle])
    }

    @Test func theLabelsTableRewordsALabelAndReportsAnUnknownOne() throws {
        let configuration = try NewsletterConfiguration(
            toml: "[site]\nlanguage = \"fr\"\n\n[labels]\nprevious_issue = \"« Avant\"\n")
        #expect(configuration.labels[.previousIssue] == "« Avant")
        #expect(configuration.labels[.nextIssue] == "Numéro suivant")
        do {
            _ = try NewsletterConfiguration(toml: "[labels]\nprevious_isue = \"Before\"\n", file: "herald.toml")
            Issue.record("an unknown label was accepted")
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "herald.toml:2:1: 'previous_isue' is not a label; did you mean 'previous_issue'?"
                ])
        }
    }
}
