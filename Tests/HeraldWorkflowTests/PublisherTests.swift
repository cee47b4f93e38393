import Foundation
import HeraldCore
import HeraldWorkflow
import Testing

@Suite("herald publish")
struct PublisherTests {
    @Test("another date: the date line and the file name change, a draft status goes, nothing is written by planning")
    func anotherDate() throws {
        let newsletter = try TestNewsletter()
        let draft = try newsletter.makeDraft()
        let original = try #require(newsletter.read(draft))
        try newsletter.write(
            draft,
            original.replacingOccurrences(of: "Date: 2025-04-02\n", with: "Date: 2025-04-02 09:30\nStatus: draft\n"))
        let publisher = Publisher(folder: try newsletter.load())
        let plan = try publisher.plan(date: IssueDate(parsing: "2025-04-03"))
        #expect(plan.changesDate && plan.removesDraftStatus)
        #expect(plan.publishedPath == "content/2025-04-03-this-week-in-test.md")
        #expect(plan.publishedText.contains("Date: 2025-04-03 09:30\n\nHello"))
        #expect(!newsletter.exists(plan.publishedPath))
        guard case .create(let next) = plan.next else {
            Issue.record("expected a new draft")
            return
        }
        #expect(next.date == IssueDate(parsing: "2025-04-09") && next.number == 3)
        try publisher.apply(plan)
        #expect(newsletter.read(plan.publishedPath) == plan.publishedText)
        #expect(newsletter.exists("draft/2025-04-09-this-week-in-test.md"))
        #expect(!newsletter.exists(draft))
    }

    @Test("a later draft that exists already receives the carried entries instead of a new one")
    func existingNextDraft() throws {
        let newsletter = try TestNewsletter()
        let draft = try newsletter.makeDraft()
        let folder = try newsletter.load()
        let later = try folder.nextDraft(on: IssueDate(parsing: "2025-04-09"), today: IssueDate(parsing: "2025-03-27")!)
        try folder.write(later)
        try newsletter.write(
            draft,
            try #require(newsletter.read(draft)).replacingOccurrences(
                of: "### Observations/Thoughts\n",
                with: "### Observations/Thoughts\n* [Wait](https://wait.example) <!-- next issue -->\n"))
        let publisher = Publisher(folder: try newsletter.load())
        let plan = try publisher.plan()
        guard case .update(let file, _, let text) = plan.next else {
            Issue.record("expected the existing draft to be updated")
            return
        }
        #expect(file.path.hasSuffix("2025-04-09-this-week-in-test.md"))
        #expect(text.contains("### Observations/Thoughts\n* [Wait](https://wait.example)\n"))
        try publisher.apply(plan)
        #expect(newsletter.read(later.relativePath) == text)
    }

    @Test("an entry whose group the next draft lacks goes under its section; with no section either, the plan stops")
    func nowhereToCarry() throws {
        let newsletter = try TestNewsletter()
        let draft = try newsletter.makeDraft()
        let original = try #require(newsletter.read(draft))
        try newsletter.write(
            draft,
            original.replacingOccurrences(
                of: "## Upcoming Events\n",
                with: "### Research\n* [Later](https://later.example) <!-- next issue -->\n\n## Upcoming Events\n"))
        let plan = try Publisher(folder: try newsletter.load()).plan()
        guard case .create(let next) = plan.next else {
            Issue.record("expected a new draft")
            return
        }
        #expect(next.text.contains("## Updates from the Community\n* [Later](https://later.example)\n\n### Official\n"))

        try newsletter.write(
            draft,
            original.replacingOccurrences(
                of: "## Upcoming Events\n",
                with:
                    "## Jobs\n\n* [Quill developer](https://jobs.example/1) <!-- next issue -->\n\n## Upcoming Events\n"
            ))
        let failure = #expect(throws: WorkflowFailure.self) { try Publisher(folder: try newsletter.load()).plan() }
        #expect(failure?.problems.first?.code == .cannotCarry)
        #expect(failure?.problems.first?.message.contains("'Jobs'") == true)
        #expect(failure?.problems.first?.message.contains("line 19") == true)
    }

    @Test("an issue already published at the target path is not overwritten")
    func publishedExists() throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        try newsletter.write("content/2025-04-02-this-week-in-test.md", "Title: Other\nDate: 2025-04-02\n\nx\n")
        let failure = #expect(throws: WorkflowFailure.self) { try Publisher(folder: try newsletter.load()).plan() }
        #expect(failure?.problems.contains { $0.code == .fileExists } == true)
    }

    @Test("a draft kept as a page bundle moves into the content folder with its images")
    func pageBundle() throws {
        let newsletter = try TestNewsletter()
        let text = try #require(newsletter.read(try newsletter.makeDraft()))
        try FileManager.default.removeItem(
            at: newsletter.root.appendingPathComponent("draft/2025-04-02-this-week-in-test.md"))
        try newsletter.write("draft/002/index.md", text)
        try newsletter.write("draft/002/charts/downloads.svg", "<svg/>")
        let publisher = Publisher(folder: try newsletter.load())
        let plan = try publisher.plan()
        #expect(plan.publishedPath == "content/002/index.md")
        #expect(
            plan.bundleMoves.map { [$0.from, $0.to] } == [
                ["draft/002/charts/downloads.svg", "content/002/charts/downloads.svg"]
            ])
        try publisher.apply(plan)
        #expect(newsletter.read("content/002/charts/downloads.svg") == "<svg/>")
        #expect(!newsletter.exists("draft/002/charts/downloads.svg") && !newsletter.exists("draft/002/index.md"))
    }

    @Test("a draft named index at the top of the drafts folder is no bundle: the template stays")
    func indexBesideTheTemplate() throws {
        let newsletter = try TestNewsletter()
        let text = try #require(newsletter.read(try newsletter.makeDraft()))
        try FileManager.default.removeItem(
            at: newsletter.root.appendingPathComponent("draft/2025-04-02-this-week-in-test.md"))
        try newsletter.write("draft/index.md", text)
        let publisher = Publisher(folder: try newsletter.load())
        let plan = try publisher.plan()
        #expect(plan.publishedPath == "content/index.md")
        #expect(plan.bundleMoves.isEmpty)
        try publisher.apply(plan)
        #expect(newsletter.exists("draft/DRAFT_TEMPLATE") && !newsletter.exists("content/DRAFT_TEMPLATE"))
    }

    @Test("without a draft there is nothing to publish")
    func noDraft() throws {
        let newsletter = try TestNewsletter()
        let failure = #expect(throws: WorkflowFailure.self) { try Publisher(folder: try newsletter.load()).plan() }
        #expect(failure?.problems.first?.code == .noDraft)
        #expect(failure?.kind == .unusable)
    }
}
