import Foundation
import HeraldCore
import HeraldWorkflow
import Testing

/// Several commands editing one draft at once, and an editor saving while they work: every
/// line lands, and nothing an editor saved is lost.
@Suite("Concurrent edits to the draft")
struct ConcurrentDraftEditTests {
    @Test("submissions made at the same moment from the same reading of the folder all land")
    func concurrentSubmissions() async throws {
        let newsletter = try TestNewsletter()
        let draft = try newsletter.makeDraft()
        let count = 8
        // Each submitter loads the folder before any of them writes, as processes started together do.
        let submitters = try (0..<count).map { _ in Submitter(folder: try newsletter.load(), fetcher: nil) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, submitter) in submitters.enumerated() {
                group.addTask {
                    let request = SubmitRequest(
                        url: "https://concurrent.example/\(index)", section: "observations", title: "Post \(index)",
                        fetch: false)
                    try submitter.apply(try await submitter.plan(request))
                }
            }
            try await group.waitForAll()
        }
        let text = try #require(newsletter.read(draft))
        for index in 0..<count {
            #expect(
                text.contains("* [Post \(index)](https://concurrent.example/\(index))\n"), "post \(index) is missing")
        }
        #expect(try IssueFile(path: draft, text: text).metadata.number == 2)
    }

    @Test("an editor's save between publish's plan and its write is in the published issue")
    func saveDuringPublish() throws {
        let newsletter = try TestNewsletter()
        let draft = try newsletter.makeDraft()
        let publisher = Publisher(folder: try newsletter.load())
        let plan = try publisher.plan()
        let original = try #require(newsletter.read(draft))
        let saved = original.replacingOccurrences(
            of: "### Observations/Thoughts\n",
            with: "### Observations/Thoughts\n* [Saved late](https://late.example)\n")
        try newsletter.write(draft, saved)

        let written = try publisher.apply(plan)
        let published = try #require(newsletter.read(written.publishedPath))
        #expect(published.contains("* [Saved late](https://late.example)"))
        #expect(!newsletter.exists(draft))
    }

    @Test("a submission whose draft changed after planning is placed again in the changed draft")
    func submissionReplannedAfterASave() async throws {
        let newsletter = try TestNewsletter()
        let draft = try newsletter.makeDraft()
        let submitter = Submitter(folder: try newsletter.load(), fetcher: nil)
        let plan = try await submitter.plan(
            SubmitRequest(url: "https://new.example/a", section: "observations", title: "A", fetch: false))
        let original = try #require(newsletter.read(draft))
        let saved = original.replacingOccurrences(of: "Hello and welcome", with: "Hello, and welcome")
        try newsletter.write(draft, saved)

        let written = try submitter.apply(plan)
        let text = try #require(newsletter.read(draft))
        #expect(text.contains("Hello, and welcome"), "the editor's save stays")
        #expect(text.contains("* [A](https://new.example/a)\n"))
        #expect(text == written.text)
    }
}
