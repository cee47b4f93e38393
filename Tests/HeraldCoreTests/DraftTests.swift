import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldCore

@Suite struct DraftTests {
    static let template = """
        Title: This Week in Rust $twir_issue_number
        Number: $twir_issue_number
        Date: $twir_issue_date
        Category: This Week in Rust

        ## Upcoming Events

        Rusty Events between $twir_issue_date - $twir_events_end_date 🦀

        $twir_events_list

        ## Jobs
        """

    static let issue604 = """
        Title: This Week in Rust 604
        Number: 604
        Date: 2025-06-18
        Category: This Week in Rust

        ## Upcoming Events

        Rusty Events between 2025-06-18 - 2025-07-16 🦀

        ### Virtual
        * 2025-06-20 | Virtual | [Org A](https://a.example)
            * [**Already over**](https://a.example/1)
        * 2025-06-25 | Virtual (Berlin, DE) | [Org B](https://b.example)
            * [**On the day**](https://b.example/1)
            * [**Same evening**](https://b.example/2)

        ### Europe
        * 2025-06-19 | Oslo, NO | [Org C](https://c.example)
            * [**Gone**](https://c.example/1)

        ### Asia
        * 2025-07-30 | Tokyo, JP | [Org D](https://d.example)
            * [**Far ahead**](https://d.example/1)

        ## Jobs
        """

    private func newsletter(_ extra: [String: String] = [:]) throws -> Newsletter {
        var files = ["draft/DRAFT_TEMPLATE": Self.template, "content/2025-06-18-this-week-in-rust.md": Self.issue604]
        files.merge(extra) { $1 }
        return try Newsletter(files: files)
    }

    private func date(_ text: String) -> IssueDate { IssueDate(parsing: text)! }

    @Test func carriesUpcomingEventsAndNumbersByWeeks() throws {
        let folder = try newsletter()
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        #expect(draft.number == 605)
        #expect(draft.date == date("2025-06-25"))
        #expect(draft.eventsEndDate == date("2025-07-23"))
        #expect(draft.relativePath == "draft/2025-06-25-this-week-in-rust.md")
        #expect(draft.previous?.metadata.number == 604)
        #expect(draft.events.carried == 2)
        #expect(draft.events.dropped == 2)
        #expect(draft.events.pastWindow == 1)
        #expect(draft.warnings.isEmpty)
        #expect(
            draft.text == """
                Title: This Week in Rust 605
                Number: 605
                Date: 2025-06-25
                Category: This Week in Rust

                ## Upcoming Events

                Rusty Events between 2025-06-25 - 2025-07-23 🦀

                ### Virtual
                * 2025-06-25 | Virtual (Berlin, DE) | [Org B](https://b.example)
                    * [**On the day**](https://b.example/1)
                    * [**Same evening**](https://b.example/2)

                ### Asia
                * 2025-07-30 | Tokyo, JP | [Org D](https://d.example) <!-- after this issue's events window, which ends 2025-07-23 -->
                    * [**Far ahead**](https://d.example/1)

                ## Jobs
                """)
    }

    @Test func theNumberCountsTheWeeksSinceTheLatestIssue() throws {
        let folder = try newsletter()
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-07-09"), today: date("2025-07-01"))
        #expect(draft.number == 607)
        #expect(draft.events.carried == 1)
    }

    @Test func consecutiveNumberingAddsOneHoweverLongAgo() throws {
        let folder = try newsletter([
            "herald.toml": "[schedule]\nnumbering = \"consecutive\"\n\n[drafts]\nfile_name = \"issue-{number:05}.md\"\n"
        ])
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-07-09"), today: date("2025-07-01"))
        #expect(draft.number == 605)
        #expect(draft.relativePath == "draft/issue-00605.md")
    }

    @Test func draftsAreNamedAfterTheFirstContentPattern() throws {
        let folder = try newsletter([
            "herald.toml": "[content]\npatterns = [\"{year}/{date}-{slug}.md\", \"{date}.md\"]\n",
            "content/2025/2025-06-18-this-week-in-rust-604.md": Self.issue604,
            "content/2025-06-18-this-week-in-rust.md": "",
        ])
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(today: date("2025-06-20"))
        #expect(draft.relativePath == "draft/2025/2025-06-25-this-week-in-rust-605.md")
    }

    @Test func anUnknownNumberingIsAnErrorNamingItsLine() throws {
        #expect {
            try NewsletterConfiguration(toml: "[schedule]\nnumbering = \"monthly\"\n")
        } throws: { error in
            (error as? HeraldError)?.problems.map(\.description) == [
                "herald.toml:2:1: numbering 'monthly' is not a way Herald numbers issues; write \"consecutive\" (the latest number plus one) or \"weeks\" (plus the weeks since it)"
            ]
        }
    }

    @Test func warnsAboutMissingEventsOnlyWhereTheTemplateListsEvents() throws {
        let withoutEvents = "Title: Quill 1\nNumber: 1\nDate: 2025-06-18\n\n## News\n"
        let listing = try newsletter(["content/2025-06-18-this-week-in-rust.md": withoutEvents])
        let warned = try NewsletterFolder(at: listing.folder).nextDraft(today: date("2025-06-20"))
        #expect(warned.warnings.map(\.code) == [.noEventsSection])
        let quiet = try newsletter([
            "content/2025-06-18-this-week-in-rust.md": withoutEvents,
            "draft/DRAFT_TEMPLATE": "Title: Quill {{number}}\nNumber: {{number}}\nDate: {{date}}\n\n## News\n",
        ])
        let draft = try NewsletterFolder(at: quiet.folder).nextDraft(today: date("2025-06-20"))
        #expect(draft.number == 2)
        #expect(draft.warnings.isEmpty)
    }

    @Test func fortnightliesCountFortnights() throws {
        let folder = try newsletter(["herald.toml": "[schedule]\ninterval_weeks = 2\n"])
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-07-02"), today: date("2025-06-20"))
        #expect(draft.number == 605)
    }

    @Test(arguments: [
        ("2025-06-19", "2025-06-25"),  // Thursday: Monday is the earliest, so Wednesday
        ("2025-06-21", "2025-06-25"),  // Saturday: exactly four days ahead
        ("2025-06-22", "2025-07-02"),  // Sunday: four days ahead is Thursday
    ])
    func theDefaultDateIsTheWeekdayAtLeastFourDaysAhead(today: String, expected: String) throws {
        let folder = try newsletter()
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(today: date(today))
        #expect(draft.date == date(expected))
        #expect(draft.number == (expected == "2025-06-25" ? 605 : 606))
    }

    @Test func draftsCountAsTheLatestIssue() throws {
        let folder = try newsletter([
            "draft/2025-06-25-this-week-in-rust.md":
                "Title: This Week in Rust 605\nNumber: 605\nDate: 2025-06-25\n\n## Upcoming Events\n"
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        let draft = try newsletter.nextDraft(today: date("2025-06-20"))
        #expect(draft.number == 606)
        #expect(draft.date == date("2025-07-02"))
        #expect(draft.previous?.path.hasSuffix("draft/2025-06-25-this-week-in-rust.md") == true)
        #expect(draft.events.carried == 0)
    }

    @Test func refusesADateNotAfterTheLatestIssue() throws {
        let folder = try newsletter()
        #expect {
            try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-18"), today: date("2025-06-10"))
        } throws: { error in
            let problem = (error as? HeraldError)?.problems.first
            return problem?.code == .cannotMakeDraft && problem?.location?.line == 3
                && problem?.message == "issue 604 is dated 2025-06-18, so a new draft cannot be dated 2025-06-18"
        }
    }

    @Test func warnsAboutADateOffTheWeekday() throws {
        let folder = try newsletter()
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-26"), today: date("2025-06-20"))
        #expect(draft.warnings.map(\.message) == ["2025-06-26 is a thursday, but issues come out on wednesdays"])
    }

    @Test func fillsHeraldsOwnVariables() throws {
        let folder = try newsletter([
            "herald.toml": "[site]\ntitle = \"This Week in Quill\"\n\n[sections]\npreset = \"this-week-in-rust\"\n",
            "draft/DRAFT_TEMPLATE": """
            Title: {{newsletter}} {{ number }}
            Date: {{date}}

            {{year}}/{{month}}/{{day}} until {{events_end_date}}; after {{previous_number}} of {{previous_date}}: {{previous_url}}
            {{events}}
            """,
        ])
        let draft = try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        let lines = draft.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Title: This Week in Quill 605")
        #expect(
            lines[3]
                == "2025/06/25 until 2025-07-23; after 604 of 2025-06-18: https://this-week-in-rust.org/blog/2025/06/18/this-week-in-rust-604/"
        )
        #expect(lines[4] == "### Virtual")
        #expect(draft.relativePath == "draft/2025-06-25-this-week-in-rust.md")
    }

    @Test func keepsTheTemplatesLineEnds() throws {
        let template = try DraftTemplate("Title: Quill {{number}}\r\nDate: {{date}}\r\n", file: "t")
        #expect(
            template.rendered(with: [.number: "3", .date: "2025-01-01"]) == "Title: Quill 3\r\nDate: 2025-01-01\r\n")
    }

    @Test func unknownTemplateVariablesAreErrorsWithTheirPlace() throws {
        let folder = try newsletter([
            "draft/DRAFT_TEMPLATE": "Title: Quill {{number}}\nDate: {{date}}\n\nSee {{evnets}}.\n"
        ])
        #expect {
            try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        } throws: { error in
            (error as? HeraldError)?.problems.map(\.description) == [
                "\(folder.folder.path)/draft/DRAFT_TEMPLATE:4:5: '{{evnets}}' is not a template variable; did you mean '{{events}}'?"
            ]
        }
    }

    @Test func aTemplateWithoutAHeaderIsReportedAgainstTheTemplate() throws {
        let folder = try newsletter(["draft/DRAFT_TEMPLATE": "Hello {{number}}\n"])
        #expect {
            try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        } throws: { error in
            let problems = (error as? HeraldError)?.problems ?? []
            return problems.map(\.code) == [.missingTitle, .missingDate]
                && problems.allSatisfy { $0.file?.hasSuffix("draft/DRAFT_TEMPLATE") == true }
        }
    }

    @Test func aMissingTemplateSaysWhereItWasLookedFor() throws {
        let folder = try Newsletter(files: ["content/2025-06-18-this-week-in-rust.md": Self.issue604])
        #expect {
            try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        } throws: { error in
            let problem = (error as? HeraldError)?.problems.first
            return problem?.file == folder.folder.path + "/draft/DRAFT_TEMPLATE"
                && problem?.message == "there is no draft template here"
        }
    }

    @Test func neverOverwritesAnExistingDraft() throws {
        let folder = try newsletter(["draft/2025-06-25-this-week-in-rust.md": "my notes, not an issue yet\n"])
        #expect {
            try NewsletterFolder(at: folder.folder).nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        } throws: { error in
            (error as? HeraldError)?.problems.first?.code == .fileExists
        }
        #expect(try folder.read("draft/2025-06-25-this-week-in-rust.md") == "my notes, not an issue yet\n")
    }

    @Test func writesTheDraftWholeAndOnce() throws {
        let folder = try newsletter()
        let newsletter = try NewsletterFolder(at: folder.folder)
        let draft = try newsletter.nextDraft(on: date("2025-06-25"), today: date("2025-06-20"))
        let written = try newsletter.write(draft)
        #expect(written.lastPathComponent == "2025-06-25-this-week-in-rust.md")
        #expect(try folder.read(draft.relativePath) == draft.text)
        #expect(folder.contents(of: "draft") == ["2025-06-25-this-week-in-rust.md", "DRAFT_TEMPLATE"])
        #expect(throws: HeraldError.self) { try newsletter.write(draft) }
        let next = try NewsletterFolder(at: folder.folder).nextDraft(today: date("2025-06-20"))
        #expect(next.number == 606)
        #expect(next.date == date("2025-07-02"))
    }

    @Test(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
    func makesIssue606FromACopyOfTheTWiRArchive() throws {
        let corpus = try #require(SharedFolder.twirCorpus)
        let copy = try Newsletter()
        for subfolder in ["content", "draft"] {
            try copy.copy(corpus.appendingPathComponent(subfolder), to: subfolder)
        }
        let newsletter = try NewsletterFolder(at: copy.folder)
        let draft = try newsletter.nextDraft(on: date("2025-07-02"), today: date("2025-06-27"))
        #expect(draft.number == 606)
        #expect(draft.date == date("2025-07-02"))
        #expect(draft.text.hasPrefix("Title: This Week in Rust 606\nNumber: 606\nDate: 2025-07-02\n"))
        #expect(draft.text.contains("Rusty Events between 2025-07-02 - 2025-07-30 🦀"))
        #expect(!draft.text.contains("$twir_"))

        let previous = try #require(draft.previous)
        #expect(previous.metadata.number == 605)
        let regions = try #require(ParsedIssue(previous, catalog: .twir).issue.section(.events)?.content.events)
        let upcoming = regions.flatMap(\.entries).filter { $0.date.map { $0 >= date("2025-07-02") } ?? true }
        #expect(draft.events.carried == upcoming.count)
        #expect(draft.events.dropped == regions.flatMap(\.entries).count - upcoming.count)
        for entry in upcoming {
            let lines = previous.lines(entry.source.line...entry.source.endLine).joined(separator: "\n")
            #expect(draft.text.contains(lines))
        }
        let listed = draft.events.markdown.split(separator: "\n").filter { $0.hasPrefix("* ") }
        #expect(listed.allSatisfy { $0.dropFirst(2).prefix(10) >= "2025-07-02" })
        #expect(listed.first?.hasPrefix("* 2025-07-02 | Virtual (Indianapolis, IN, US)") == true)
        #expect(
            draft.events.markdown.split(separator: "\n").filter { $0.hasPrefix("### ") } == [
                "### Virtual", "### Asia", "### Europe", "### North America", "### South America",
            ])

        try newsletter.write(draft)
        let again = try NewsletterFolder(at: copy.folder)
        #expect(again.drafts.map(\.metadata.number) == [606])
        #expect(try again.nextDraft(today: date("2025-06-27")).number == 607)
    }
}
