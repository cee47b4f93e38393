import Foundation
import HeraldCheck
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

@Suite("herald check --online")
struct DeadLinkTests {
    @Test("errors, redirects, timeouts and HEAD refusals, each link fetched once, answers cached")
    func online() async throws {
        let server = try await FixtureServer.start { request in
            switch request.path {
            case "/ok": FixtureServer.Reply(contentType: "text/html", "<p>ok</p>")
            case "/moved": .redirect(301, to: "/ok")
            case "/gone": FixtureServer.Reply(status: 404)
            case "/no-head": FixtureServer.Reply(status: request.method == "HEAD" ? 405 : 200)
            case "/slow": FixtureServer.Reply(body: Array("late".utf8), delay: .seconds(10))
            default: FixtureServer.Reply(status: 500)
            }
        }
        defer { Task { await server.stop() } }
        let body = ["/ok", "/moved", "/gone", "/no-head", "/slow", "/ok"].enumerated()
            .map { "* [Link \($0.offset)](\(server.url($0.element)))\n" }.joined()
        let fixture = try CheckFixture(
            draftBody: "## Updates from Rust Community\n\n### Observations/Thoughts\n\n" + body)
        // A timeout well above what a loaded CI machine takes to answer locally (1.5 s once timed
        // out a redirect there), and well below the slow link's delay.
        let checker = DeadLinkChecker(
            timeout: .seconds(4), spacing: .zero, retries: 1, retryDelay: .milliseconds(10))
        var cache = LinkCache(folder: fixture.root.appendingPathComponent("cache"))
        let findings = try await fixture.linter().deadLinks(in: [fixture.draftPath], using: checker, cache: &cache)
        let byLine = Dictionary(grouping: findings) { $0.problem.location?.line ?? 0 }
        #expect(byLine[10] == nil)
        #expect(byLine[11]?.first?.problem.message == "link redirects to \(server.url("/ok"))")
        #expect(byLine[11]?.first?.severity == .warning)
        #expect(byLine[12]?.first?.problem.message == "link answers 404 Not Found")
        #expect(byLine[13] == nil)
        #expect(byLine[14]?.first?.problem.message.hasPrefix("link does not answer") == true)
        #expect(findings.allSatisfy { $0.rule == .deadLink })
        let okRequests = await server.requests().filter { $0.path == "/ok" }
        #expect(okRequests.count == 2, "once for /ok, once at the end of /moved's redirect")

        try cache.save()
        let before = await server.requests().count
        var reopened = LinkCache(folder: fixture.root.appendingPathComponent("cache"))
        let again = try await fixture.linter().deadLinks(in: [fixture.draftPath], using: checker, cache: &reopened)
        #expect(again.count == findings.count)
        #expect(await server.requests().count == before, "every answer came from the cache")
    }
}
