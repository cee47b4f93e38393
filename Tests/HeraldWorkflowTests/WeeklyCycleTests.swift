import Foundation
import HeraldCore
import HeraldHTTP
import HeraldMarkdown
import HeraldTestSupport
import HeraldWorkflow
import Testing

/// One whole week on a git repository the test builds: the draft, contributions as commits by
/// several authors, the editor's review of them, publishing, and next week's draft.
@Suite("The weekly cycle")
struct WeeklyCycleTests {
    struct Author {
        var name: String
        var email: String
    }

    static let editor = Author(name: "Edie Tor", email: "editor@twit.example")
    static let ada = Author(name: "Ada Lovelace", email: "ada@example.org")
    static let grace = Author(name: "Grace Hopper", email: "grace@example.org")
    static let linus = Author(name: "Linus Pauling", email: "linus@example.org")
    static let margaret = Author(name: "Margaret Hamilton", email: "margaret@example.org")

    @Test("draft, submissions as commits, review, publish, next draft")
    func week() async throws {
        let newsletter = try TestNewsletter()
        let git = Git(directory: newsletter.root)
        func commit(_ message: String, by author: Author) throws {
            try git.run(["add", "-A"])
            try git.run([
                "-c", "user.name=\(author.name)", "-c", "user.email=\(author.email)", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", message,
            ])
        }
        func edit(_ path: String, _ change: (String) -> String) throws {
            try newsletter.write(path, change(try #require(newsletter.read(path))))
        }
        let server = try await SubmitterTests.server()
        defer { Task { await server.stop() } }

        try git.run(["init", "-q"])
        try commit("Issue 1", by: WeeklyCycleTests.editor)
        let draft = try newsletter.makeDraft()
        try commit("Draft for issue 2", by: WeeklyCycleTests.editor)
        let weekStart = try git.run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)

        // Ada submits with the tool: the page is fetched, redirected, its canonical address used.
        let submitter = Submitter(folder: try newsletter.load(), fetcher: SubmitterTests.fetcher())
        let adas = try await submitter.plan(SubmitRequest(url: server.url("/moved"), section: "Observations/Thoughts"))
        try submitter.apply(adas)
        try commit("Add an article", by: WeeklyCycleTests.ada)

        // Grace and Linus edit the draft by hand, as pull requests do: a link featured last week,
        // and Ada's article again under a tracking address.
        try edit(draft) {
            $0.replacingOccurrences(
                of: "### Miscellaneous\n",
                with: "### Miscellaneous\n* [Thoughts, again](https://www.thoughts.example/tests/)\n")
        }
        try commit("Add thoughts", by: WeeklyCycleTests.grace)
        let adasURL = adas.entry.url
        try edit(draft) {
            $0.replacingOccurrences(
                of: "### Official\n", with: "### Official\n* [The same article](\(adasURL)&utm_source=feed)\n")
        }
        try commit("Add the article to Official", by: WeeklyCycleTests.linus)

        // The editor cuts Official; Margaret's submission after that goes to next week.
        try edit(draft) {
            $0.replacingOccurrences(
                of: "(\(adasURL)&utm_source=feed)\n", with: "(\(adasURL)&utm_source=feed)\n<!-- cut -->\n")
        }
        try commit("Cut Official", by: WeeklyCycleTests.editor)
        let late = Submitter(folder: try newsletter.load(), fetcher: nil)
        let margarets = try await late.plan(
            SubmitRequest(url: "https://late.example/news", section: "Official", title: "Late news", fetch: false))
        #expect(margarets.isAfterCut)
        try late.apply(margarets)
        try commit("Add late news", by: WeeklyCycleTests.margaret)

        // The editor's view of the week.
        let report = try SubmissionLog(folder: try newsletter.load()).report(range: weekStart + "..HEAD")
        #expect(report.commitCount == 5)
        let byAuthor = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.blame.author, $0) })
        #expect(Set(byAuthor.keys) == ["Ada Lovelace", "Grace Hopper", "Linus Pauling", "Margaret Hamilton"])
        let ada = try #require(byAuthor["Ada Lovelace"])
        let grace = try #require(byAuthor["Grace Hopper"])
        let linus = try #require(byAuthor["Linus Pauling"])
        let margaret = try #require(byAuthor["Margaret Hamilton"])
        #expect(ada.blame.email == "ada@example.org" && ada.blame.summary == "Add an article")
        #expect(ada.section == "Updates from the Community › Observations/Thoughts")
        #expect(ada.duplicates.map(\.line) == [linus.line])
        #expect(linus.duplicates.map(\.line) == [ada.line])
        #expect(
            linus.problems.contains { $0.code.rawValue == "tracking-parameter" || $0.message.contains("utm_source") })
        #expect(grace.featured?.number == 1)
        #expect(grace.featured?.file.hasSuffix("content/2025-03-26-this-week-in-test.md") == true)
        #expect(margaret.isClean)
        #expect(report.text.contains("by Grace Hopper <grace@example.org>"))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count == 4)
        #expect(entries.allSatisfy { $0["author"] is String && $0["commit"] is String && $0["featured"] != nil })

        // Publishing refuses while check finds errors (the repeated links), and lists them.
        let refused = #expect(throws: WorkflowFailure.self) { try Publisher(folder: try newsletter.load()).plan() }
        #expect(refused?.problems.first?.code == .checkFailed)
        #expect(refused?.problems.dropFirst().contains { $0.location?.line == grace.line } == true)
        #expect(refused?.problems.dropFirst().contains { $0.location?.line == linus.line } == true)
        try edit(draft) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("Thoughts, again") && !$0.contains("The same article") }
                .joined(separator: "\n")
        }
        try commit("Drop repeated links", by: WeeklyCycleTests.editor)

        // Publish: the issue moves to content/, next week's draft exists with what belongs to it.
        let publisher = Publisher(folder: try newsletter.load())
        let plan = try publisher.plan()
        #expect(plan.publishedPath == "content/2025-04-02-this-week-in-test.md")
        #expect(plan.carryOver.entries.map(\.reason) == [.afterCut])
        try publisher.apply(plan)
        try commit("Publish issue 2", by: WeeklyCycleTests.editor)

        #expect(!newsletter.exists(draft))
        let published = try #require(newsletter.read("content/2025-04-02-this-week-in-test.md"))
        #expect(published.contains(adas.line))
        #expect(!published.contains("Late news") && !published.contains("<!-- cut -->"))
        let next = try #require(newsletter.read("draft/2025-04-09-this-week-in-test.md"))
        #expect(next.contains("Title: This Week in Test 3\nNumber: 3\nDate: 2025-04-09\n"))
        #expect(next.contains("### Official\n\(margarets.line)\n"))
        #expect(next.contains("Future meetup") && !next.contains("Past meetup"))
        #expect(try git.run(["status", "--porcelain"]).isEmpty)

        // Next week starts empty, and the published issue now counts as the archive.
        #expect(try SubmissionLog(folder: try newsletter.load()).report(range: "HEAD").entries.isEmpty)
        let again = await #expect(throws: WorkflowFailure.self) {
            try await Submitter(folder: try newsletter.load(), fetcher: SubmitterTests.fetcher())
                .plan(SubmitRequest(url: server.url("/article")))
        }
        #expect(again?.problems.first?.message.contains("issue 2 (2025-04-02)") == true)
    }

    @Test("a range git cannot read is a git failure naming the revision")
    func badRange() throws {
        let newsletter = try TestNewsletter()
        let log = SubmissionLog(folder: try newsletter.load())
        let outside = #expect(throws: WorkflowFailure.self) { try log.report(range: "HEAD~1..HEAD") }
        #expect(outside?.kind == .unusable)
        try Git(directory: newsletter.root).run(["init", "-q"])
        let unknown = #expect(throws: WorkflowFailure.self) { try log.report(range: "no-such-rev..HEAD") }
        #expect(unknown?.problems.first?.message.contains("no-such-rev") == true)
        #expect(throws: WorkflowFailure.self) { try log.report(range: "a...b") }
    }
}
