import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

@Suite struct InitTests {
    private let firstDate = IssueDate(year: 2025, month: 9, day: 3)!

    @Test func createsAFolderHeraldCanUseAtOnce() throws {
        let parent = try Newsletter()
        let root = parent.folder.appendingPathComponent("quill")
        let created = try NewsletterScaffold(title: "Quill Weekly", baseURL: "https://quill.example")
            .create(at: root, firstIssueDate: firstDate, today: IssueDate(year: 2025, month: 8, day: 28)!)
        #expect(
            created.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "herald.toml", "DRAFT_TEMPLATE", "2025-09-03-quill-weekly-1.md",
            ])
        #expect(parent.contents(of: "quill") == ["content", "draft", "herald.toml"])

        let newsletter = try NewsletterFolder(at: root)
        #expect(newsletter.problems.isEmpty)
        #expect(newsletter.configuration.site.title == "Quill Weekly")
        #expect(newsletter.configuration.site.baseURL == "https://quill.example")
        let first = try #require(newsletter.drafts.first)
        #expect(first.metadata.title == "Quill Weekly 1")
        #expect(first.metadata.number == 1)
        #expect(first.metadata.date == firstDate)
        #expect(newsletter.configuration.site.url(of: first.metadata) == "https://quill.example/issues/1/")

        let issue = newsletter.parsed(first).issue
        let kinds = issue.sections.map(\.kind)
        #expect(kinds == [.links, .crateOfTheWeek, .cfpProjects, .events, .jobs, .quoteOfTheWeek, .editors])

        let second = try newsletter.nextDraft(today: firstDate)
        #expect(second.number == 2)
        #expect(second.date == IssueDate(year: 2025, month: 9, day: 10))
        #expect(second.relativePath == "draft/2025-09-10-quill-weekly-2.md")
    }

    @Test func theDefaultFirstDateIsTheWeekdayAtLeastFourDaysAhead() throws {
        let parent = try Newsletter()
        let created = try NewsletterScaffold(title: "Friday Notes", weekday: .friday)
            .create(at: parent.folder.appendingPathComponent("notes"), today: IssueDate(year: 2025, month: 9, day: 1)!)
        #expect(created.last?.hasSuffix("draft/2025-09-05-friday-notes-1.md") == true)
    }

    @Test func theConfigurationItWritesIsValidAndQuoted() throws {
        let scaffold = NewsletterScaffold(title: #"The "Quoted" \ Weekly"#, weekday: .monday)
        let configuration = try NewsletterConfiguration(toml: scaffold.configurationText)
        #expect(configuration.site.title == #"The "Quoted" \ Weekly"#)
        #expect(configuration.schedule.weekday == .monday)
        #expect(configuration.sections.kind(ofHeading: "Project of the Week") == .crateOfTheWeek)
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let parent = try Newsletter(files: ["quill/notes.txt": "keep me"])
        #expect {
            try NewsletterScaffold(title: "Quill").create(
                at: parent.folder.appendingPathComponent("quill"), today: firstDate)
        } throws: { error in
            (error as? HeraldError)?.problems.first?.code == .fileExists
        }
        #expect(parent.contents(of: "quill") == ["notes.txt"])
    }

    @Test func acceptsAnEmptyFolder() throws {
        let parent = try Newsletter()
        try FileManager.default.createDirectory(
            at: parent.folder.appendingPathComponent("empty"), withIntermediateDirectories: false)
        try NewsletterScaffold(title: "Quill").create(
            at: parent.folder.appendingPathComponent("empty"), firstIssueDate: firstDate, today: firstDate)
        #expect(parent.contents(of: "empty/draft") == ["2025-09-03-quill-1.md", "DRAFT_TEMPLATE"])
    }
}
