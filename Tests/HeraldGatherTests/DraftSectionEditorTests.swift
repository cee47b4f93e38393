import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldGather

@Suite struct DraftSectionEditorTests {
    private let editor = DraftSectionEditor()

    private func draft(_ text: String? = nil) throws -> IssueFile {
        try IssueFile(path: "draft/2025-07-02-this-week-in-quill.md", text: text ?? Fixture.text("draft.md"))
    }

    private func events() -> GatheredSection {
        let day = IssueDate(year: 2025, month: 7, day: 9)!
        return UpcomingEvents([
            EventOccurrence(
                date: day, title: "Quill Night", url: "https://lisboa.example/n", location: "Lisbon, Portugal",
                organiser: "Quill Lisboa", organiserURL: "https://lisboa.example/", source: "a.ics"),
            EventOccurrence(
                date: day, title: "Online Hack", url: "https://hack.example/h", location: "Online",
                organiser: "Quill Hack", organiserURL: "https://hack.example/", source: "a.ics"),
        ]).section
    }

    /// The lines of `text` outside `first...last` (1-based), to show they did not change.
    private func lines(of text: String, outside range: ClosedRange<Int>) -> [Substring] {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        return Array(all[..<(range.lowerBound - 1)]) + Array(all[range.upperBound...])
    }

    @Test func eventsReplaceTheRegionsAndKeepTheIntroductionAndClosingText() throws {
        let file = try draft()
        let updated = try editor.replacing(events(), in: file)
        let original = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(original.firstIndex(of: "### Virtual"))
        let end = try #require(original.firstIndex(of: "    * [**Porto meetup**](https://porto.example/1)"))
        let expected =
            original[..<start] + [
                "### Virtual",
                "* 2025-07-09 | Virtual | [Quill Hack](https://hack.example/)",
                "    * [**Online Hack**](https://hack.example/h)",
                "",
                "### Europe",
                "* 2025-07-09 | Lisbon, PT | [Quill Lisboa](https://lisboa.example/)",
                "    * [**Quill Night**](https://lisboa.example/n)",
            ] + original[(end + 1)...]
        #expect(updated == expected.joined(separator: "\n"))
    }

    @Test func replacingTwiceGivesTheSameDraft() throws {
        for section in [events(), forumSection(), mergedSection(), fcpSection()] {
            let once = try editor.replacing(section, in: draft())
            let twice = try editor.replacing(section, in: draft(once))
            #expect(once == twice, "\(section.kind.id)")
        }
    }

    private func mergedSection() -> GatheredSection {
        GatheredSection(
            kind: .projectUpdates,
            blocks: [.lines(["448 pull requests were [merged in the last week](https://github.com/search?q=x)"])])
    }

    private func fcpSection() -> GatheredSection {
        GatheredSection(
            kind: .finalCommentPeriod,
            blocks: [
                .heading("[Cargo](https://github.com/quill-lang/cargo/labels/final-comment-period)", depth: 0),
                .lines(["* [disposition: postpone] [Build scripts v2](https://github.com/quill-lang/cargo/pull/9)"]),
                .lines(["*No Items entered Final Comment Period this week for", "[QEPs](https://q.example).*"]),
            ], defaultGroupLevel: 5)
    }

    private func forumSection() -> GatheredSection {
        GatheredSection(
            kind: .crateOfTheWeek,
            blocks: [
                .lines([
                    "<!-- herald gather forum: Crate of the Week posts since 2025-06-25, most liked first",
                    "* 3 likes, [ada](https://f.example/t/c/2704/9) on 2025-06-26: nominate fastquill", "-->",
                ])
            ])
    }

    @Test func theMergedCountReplacesTheOldCountAndItsReferenceOnly() throws {
        let updated = try editor.replacing(mergedSection(), in: draft())
        #expect(
            updated.contains(
                "## Updates from the Rust Project\n\n448 pull requests were [merged in the last week](https://github.com/search?q=x)\n\n#### Compiler\n* [faster parsing"
            ))
        #expect(!updated.contains("310 pull requests"))
        #expect(!updated.contains("[merged]:"))
    }

    @Test func finalCommentPeriodKeepsItsSubheadingClosingTextAndNestedSection() throws {
        let updated = try editor.replacing(fcpSection(), in: draft())
        #expect(
            updated.contains(
                """
                #### Tracking Issues & PRs
                ##### [Cargo](https://github.com/quill-lang/cargo/labels/final-comment-period)
                * [disposition: postpone] [Build scripts v2](https://github.com/quill-lang/cargo/pull/9)

                *No Items entered Final Comment Period this week for
                [QEPs](https://q.example).*

                Tell us about PRs or issues we should track here.

                #### [New and Updated RFCs](https://github.com/quill-lang/qeps/pulls)
                * *No New or Updated RFCs were created this week.*
                """))
        #expect(!updated.contains("Old entry from last week"))
    }

    @Test func callsForTestingReplaceTheNoteAndEmptyGroupHeadingsButKeepProse() throws {
        let section = GatheredSection(
            kind: .callsForTesting,
            blocks: [.heading("[Cargo](https://c.example)", depth: 0), .lines(["* [Feature](https://c.example/1)"])])
        let updated = try editor.replacing(section, in: draft())
        #expect(
            updated.contains(
                """
                features ask for testers:

                ### [Cargo](https://c.example)
                * [Feature](https://c.example/1)

                [Tell us](https://github.com/quill-lang/this-week-in-quill/issues) about a feature we should track.

                Implementers: add the `call-for-testing` label to appear here.

                ## Updates from the Rust Project
                """))
    }

    @Test func forumNominationsGoAfterThePlaceholderComment() throws {
        let updated = try editor.replacing(forumSection(), in: draft())
        #expect(
            updated.contains(
                """
                <!-- The crate of the week goes here -->

                <!-- herald gather forum: Crate of the Week posts since 2025-06-25, most liked first
                * 3 likes, [ada](https://f.example/t/c/2704/9) on 2025-06-26: nominate fastquill
                -->

                [Suggest and vote
                """))
    }

    @Test func aSectionWithNothingToReplaceGetsTheBlockAfterItsIntroduction() throws {
        let text =
            "Title: T 1\nDate: 2025-07-02\n\n## Upcoming Events\n\nEvents between A and B.\n\nAdd yours to the calendar.\n"
        let updated = try editor.replacing(events(), in: draft(text))
        #expect(
            updated == """
                Title: T 1
                Date: 2025-07-02

                ## Upcoming Events

                Events between A and B.

                ### Virtual
                * 2025-07-09 | Virtual | [Quill Hack](https://hack.example/)
                    * [**Online Hack**](https://hack.example/h)

                ### Europe
                * 2025-07-09 | Lisbon, PT | [Quill Lisboa](https://lisboa.example/)
                    * [**Quill Night**](https://lisboa.example/n)

                Add yours to the calendar.

                """)
    }

    @Test func windowsLineEndsAreKept() throws {
        let text = try Fixture.text("draft.md").replacingOccurrences(of: "\n", with: "\r\n")
        let updated = try editor.replacing(events(), in: draft(text))
        let bytes = Array(updated.utf8)
        let bareNewlines = bytes.indices.filter { bytes[$0] == 10 && ($0 == 0 || bytes[$0 - 1] != 13) }
        #expect(bareNewlines.isEmpty)
        #expect(updated.contains("### Virtual\r\n* 2025-07-09 | Virtual | [Quill Hack](https://hack.example/)\r\n"))
        #expect(updated.contains("Running a Quill event? Add it to the [calendar].\r\n"))
    }

    @Test func aDraftWithoutTheSectionIsAnError() throws {
        let file = try draft("Title: T 1\nDate: 2025-07-02\n\n## Something else\n")
        #expect {
            try editor.replacing(events(), in: file)
        } throws: { error in
            (error as? GatherError)?.description
                == "draft/2025-07-02-this-week-in-quill.md: the draft has no events section to put the gathered entries in; add its heading to the draft, or run without --into-draft and paste the output"
        }
    }

    @Test func draftUpdateWritesEverySectionAtOnceAndReportsTheMissingOnes() throws {
        let folder = try Newsletter(files: ["draft.md": try Fixture.text("draft.md")])
        let url = folder.url("draft.md")
        let file = try IssueFile(contentsOf: url, path: "draft.md")
        let missing = GatheredSection(kind: .jobs, blocks: [.lines(["* a job"])])
        let result = DraftUpdate(editor: editor).write([events(), mergedSection(), missing], into: file, at: url)
        #expect(result.written == [.events, .projectUpdates])
        #expect(result.failures.map(\.code) == [.cannotUpdateDraft])
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written.contains("448 pull requests"))
        #expect(written.contains("[**Online Hack**]"))
        #expect(written.hasPrefix("Title: This Week in Quill 12\nNumber: 12\n"))
        #expect(written.hasSuffix("*This Week in Quill is edited by the Quill community team.*\n"))
    }
}

@Suite struct DraftQuoteSectionTests {
    @Test func quoteNominationsGoAfterThePlaceholderOfTheLastSection() throws {
        let file = try IssueFile(path: "d.md", text: try Fixture.text("draft.md"))
        let section = GatheredSection(
            kind: .quoteOfTheWeek,
            blocks: [
                .lines([
                    "<!-- herald gather forum: Quote of the Week posts since 2025-06-25, most liked first",
                    "* 1 like, [b](https://f.example/t/q/328/4) on 2025-06-26: “quote”", "-->",
                ])
            ])
        let updated = try DraftSectionEditor().replacing(section, in: file)
        #expect(
            updated.hasSuffix(
                """
                # Quote of the Week

                <!-- The quote goes here -->

                <!-- herald gather forum: Quote of the Week posts since 2025-06-25, most liked first
                * 1 like, [b](https://f.example/t/q/328/4) on 2025-06-26: “quote”
                -->

                [Suggest quotes and vote for next week!](https://forum.quill.example/t/quote-of-the-week/328)

                *This Week in Quill is edited by the Quill community team.*

                """))
    }
}
