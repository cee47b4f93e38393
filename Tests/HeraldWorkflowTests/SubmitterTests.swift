import Foundation
import HeraldCheck
import HeraldCore
import HeraldHTTP
import HeraldMarkdown
import HeraldTestSupport
import HeraldWorkflow
import Testing

@Suite("herald submit against a local server")
struct SubmitterTests {
    /// Pages for every case the submit command meets on the web.
    static func server() async throws -> FixtureServer {
        try await FixtureServer.start { request in
            switch request.path {
            case "/moved":
                return .redirect(301, to: "/article?utm_source=newsletter&id=5")
            case "/article":
                return FixtureServer.Reply(
                    contentType: "text/html; charset=utf-8",
                    """
                    <html><head><title>An &amp; article | Blog</title>
                    <meta property="og:title" content="An &amp; article, shared">
                    <link rel="canonical" href="/articles/an-article?utm_medium=email&amp;page=2">
                    </head><body>…</body></html>
                    """)
            case "/plain":
                return FixtureServer.Reply(contentType: "text/html", "<title>\n Plain page | Some Site </title>")
            case "/featured":
                return FixtureServer.Reply(
                    contentType: "text/html", "<link rel=canonical href=https://featured.example/post/>")
            case "/untitled":
                return FixtureServer.Reply(contentType: "text/html", "<p>no head at all</p>")
            case "/big":
                return FixtureServer.Reply(
                    headers: [("Content-Type", "text/html")], body: Array(repeating: UInt8(ascii: "x"), count: 300_000))
            case "/slow":
                return FixtureServer.Reply(
                    headers: [("Content-Type", "text/html")], body: Array("<title>Slow</title>".utf8),
                    delay: .seconds(12))
            default:
                return FixtureServer.Reply(status: 404, contentType: "text/plain", "not here")
            }
        }
    }

    /// Six seconds by default: room for a redirect and a page on a machine busy with parallel
    /// tests and builds. The refusal test passes a shorter one, to see it cut the slow page.
    static func fetcher(timeout: Duration = .seconds(6)) -> PageFetcher {
        PageFetcher(client: WebClient(), timeout: timeout, sizeLimit: 100_000)
    }

    @Test("a redirected page gives its og:title and canonical address, without tracking parameters")
    func redirectedPage() async throws {
        let newsletter = try TestNewsletter()
        let draftPath = try newsletter.makeDraft()
        let server = try await SubmitterTests.server()
        defer { Task { await server.stop() } }
        let before = try #require(newsletter.read(draftPath))

        let submitter = Submitter(folder: try newsletter.load(), fetcher: SubmitterTests.fetcher())
        let plan = try await submitter.plan(SubmitRequest(url: server.url("/moved"), section: "observations"))
        #expect(plan.line == "* [An & article, shared](\(server.url("/articles/an-article?page=2")))")
        #expect(plan.group.name == "Observations/Thoughts")
        #expect(
            plan.steps.map(\.name) == ["fetch", "address", "title", "address", "archive", "section", "check", "draft"])
        #expect(newsletter.read(draftPath) == before, "planning writes nothing")

        try submitter.apply(plan)
        let after = try #require(newsletter.read(draftPath))
        var expected = before
        expected = expected.replacingOccurrences(
            of: "### Observations/Thoughts\n", with: "### Observations/Thoughts\n\(plan.line)\n")
        #expect(after == expected, "only the entry's line is added")
        let lines = after.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[plan.lineNumber - 1] == Substring(plan.line))
    }

    @Test("a page without og:title gives its <title> without the site name; the default section is used")
    func plainTitle() async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let server = try await SubmitterTests.server()
        defer { Task { await server.stop() } }
        let plan = try await Submitter(folder: try newsletter.load(), fetcher: SubmitterTests.fetcher())
            .plan(SubmitRequest(url: server.url("/plain")))
        #expect(plan.entry.title == "Plain page")
        #expect(plan.group.name == "Miscellaneous")
    }

    @Test("a link featured before is refused, naming the issue, even under its canonical address")
    func featuredBefore() async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let server = try await SubmitterTests.server()
        defer { Task { await server.stop() } }
        let submitter = Submitter(folder: try newsletter.load(), fetcher: SubmitterTests.fetcher())
        let failure = await #expect(throws: WorkflowFailure.self) {
            try await submitter.plan(SubmitRequest(url: server.url("/featured"), title: "Same post"))
        }
        #expect(failure?.kind == .refused)
        #expect(failure?.problems.first?.code == .alreadyFeatured)
        #expect(
            failure?.problems.first?.file == "content/2025-03-26-this-week-in-test.md"
                || failure?.problems.first?.file?.hasSuffix("content/2025-03-26-this-week-in-test.md") == true)
        #expect(failure?.problems.first?.message.contains("issue 1 (2025-03-26)") == true)
    }

    @Test(
        "pages that are too large, too slow or missing are refused with their address",
        arguments: ["/big", "/slow", "/missing"])
    func unavailable(path: String) async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let server = try await SubmitterTests.server()
        defer { Task { await server.stop() } }
        let submitter = Submitter(
            folder: try newsletter.load(), fetcher: SubmitterTests.fetcher(timeout: .milliseconds(1500)))
        let started = ContinuousClock.now
        let failure = await #expect(throws: WorkflowFailure.self) {
            try await submitter.plan(SubmitRequest(url: server.url(path)))
        }
        #expect(failure?.kind == .network)
        #expect(failure?.problems.first?.code == .pageUnavailable)
        #expect(failure?.problems.first?.message.contains(server.url(path)) == true)
        // Cut by the fetch's 1.5 s deadline, long before the page's 12 s; the margin is for a busy machine.
        #expect(ContinuousClock.now - started < .seconds(9))
    }

    @Test("a page without a title needs --title")
    func untitled() async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let server = try await SubmitterTests.server()
        defer { Task { await server.stop() } }
        let submitter = Submitter(folder: try newsletter.load(), fetcher: SubmitterTests.fetcher())
        let failure = await #expect(throws: WorkflowFailure.self) {
            try await submitter.plan(SubmitRequest(url: server.url("/untitled")))
        }
        #expect(failure?.problems.first?.code == .noTitle)
        let plan = try await submitter.plan(SubmitRequest(url: server.url("/untitled"), title: "  Given   title "))
        #expect(plan.entry.title == "Given title")
    }

    @Test("offline: the title as given, tracking removed, [video] suggested for a video host")
    func offline() async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let submitter = Submitter(folder: try newsletter.load(), fetcher: nil)
        let plan = try await submitter.plan(
            SubmitRequest(
                url: "https://www.youtube.com/watch?v=abc&si=share&utm_campaign=x", section: "Official",
                title: "A talk", fetch: false))
        #expect(plan.line == "* [video] [A talk](https://www.youtube.com/watch?v=abc)")
        let chosen = try await submitter.plan(
            SubmitRequest(url: "https://youtu.be/abc", title: "A talk", prefixes: ["DE"], fetch: false))
        #expect(chosen.entry.prefixes == ["DE"])
        await #expect(throws: WorkflowFailure.self) {
            try await submitter.plan(
                SubmitRequest(url: "https://youtu.be/abc", title: "A talk", prefixes: ["vidoe"], fetch: false))
        }
    }

    @Test("closed sections refuse contributors but take editors' links; unknown sections are named")
    func sections() async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let submitter = Submitter(folder: try newsletter.load(), fetcher: nil)
        let request = SubmitRequest(
            url: "https://tool.example/release", section: "Project/Tooling Updates", title: "Tool 1.0", fetch: false)
        let refused = await #expect(throws: WorkflowFailure.self) { try await submitter.plan(request) }
        #expect(refused?.problems.first?.code == .closedSection)
        var asEditor = request
        asEditor.isEditor = true
        #expect(try await submitter.plan(asEditor).group.name == "Project/Tooling Updates")
        let unknown = await #expect(throws: WorkflowFailure.self) {
            try await submitter.plan(
                SubmitRequest(url: "https://x.example", section: "Oficial", title: "X", fetch: false))
        }
        #expect(unknown?.kind == .unusable)
        #expect(unknown?.problems.first?.fix == "did you mean 'Official'?")
    }

    @Test("a link already in the draft is refused with its line")
    func alreadyInDraft() async throws {
        let newsletter = try TestNewsletter()
        try newsletter.makeDraft()
        let submitter = Submitter(folder: try newsletter.load(), fetcher: nil)
        try submitter.apply(
            try await submitter.plan(SubmitRequest(url: "https://new.example/a", title: "A", fetch: false)))
        let again = Submitter(folder: try newsletter.load(), fetcher: nil)
        let failure = await #expect(throws: WorkflowFailure.self) {
            try await again.plan(SubmitRequest(url: "http://www.new.example/a/", title: "A", fetch: false))
        }
        #expect(failure?.problems.first?.code == .alreadyInDraft)
        #expect(failure?.problems.first?.location?.line != nil)
    }
}
