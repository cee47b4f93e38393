import Foundation
import HeraldCore
import HeraldHTTP
import HeraldTestSupport
import Testing

@testable import HeraldGather

/// What the waits and notices of a ``GitHubAPI`` were, without waiting.
private final class WaitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recordedWaits: [Duration] = []
    private var recordedNotices: [String] = []
    var waits: [Duration] { lock.withLock { recordedWaits } }
    var notices: [String] { lock.withLock { recordedNotices } }
    func wait(_ duration: Duration) { lock.withLock { recordedWaits.append(duration) } }
    func notice(_ line: String) { lock.withLock { recordedNotices.append(line) } }
}

/// Answers a scripted series of replies, then `rest` for every later request.
private actor Script {
    var replies: [FixtureServer.Reply]
    init(_ replies: [FixtureServer.Reply]) { self.replies = replies }
    func next() -> FixtureServer.Reply? { replies.isEmpty ? nil : replies.removeFirst() }
}

@Suite struct GitHubWeekTests {
    private let week = IssueDate(year: 2025, month: 6, day: 10)!

    /// The week's fixtures, plus a call for testing in Cargo labelled during the week.
    private func startWeek() async throws -> FixtureServer {
        let base = BaseBox()
        let server = try await FixtureServer.start { request in
            let q = request.query["q"] ?? ""
            if q.contains("repo:rust-lang/cargo") && q.contains("call-for-testing") {
                let item = TWiRWeekFixtures.Item(
                    repository: "rust-lang/cargo", number: 15370, title: "Tracking Issue for -Zrustdoc-depinfo",
                    pull: false, labels: ["call-for-testing"])
                return TWiRWeekFixtures.json(
                    #"{"total_count": 1, "incomplete_results": false, "items": ["#
                        + TWiRWeekFixtures.issue(item, updated: 0) + "]}",
                    headers: TWiRWeekFixtures.searchQuota)
            }
            if request.path == "/repos/rust-lang/cargo/issues/15370/events" {
                return TWiRWeekFixtures.json(
                    #"[{"id": 1, "event": "labeled", "label": {"name": "call-for-testing", "color": "f29513"}, "#
                        + #""created_at": "2025-06-06T08:00:00Z"}]"#,
                    headers: TWiRWeekFixtures.coreQuota)
            }
            return TWiRWeekFixtures.answer(request, base: await base.value)
        }
        await base.set(server.baseURL)
        return server
    }

    @Test func withoutConfigurationTheSectionsAreWhatThisWeekInRustPublishes() async throws {
        let server = try await startWeek()
        let api = GitHubAPI(base: server.baseURL, token: "t", client: WebClient())
        let result = await GitHubGatherer(api: api, configuration: .init(api: server.baseURL)).gather(weekEnding: week)
        let requests = await server.requests()
        await server.stop()
        #expect(result.failures.isEmpty)
        #expect(result.warnings.isEmpty)
        let sections = result.sections(webBase: "https://github.com").map { "<\($0.kind.id)>\n" + $0.markdown() }
        func url(_ repository: String, _ terms: String) -> String {
            "https://github.com/rust-lang/\(repository)/issues?q=\(terms)%20state%3Aopen"
        }
        let testing = "state%3Aopen%20label%3Acall-for-testing"
        let sorted = "is%3Aopen%20label%3Afinal-comment-period%20sort%3Aupdated-desc"
        let fcp = "state%3Aopen%20label%3Afinal-comment-period"
        let rust = "https://github.com/rust-lang/rust"
        let constEval = "const-eval: allow constants to refer to mutable/external memory, but reject such constants"
        let compiler = url("compiler-team", "label%3Amajor-change%20label%3Afinal-comment-period")
        let mcp = "[(MCPs only)](https://forge.rust-lang.org/compiler/mcp.html)"
        let council = "https://github.com/rust-lang/leadership-council/issues/190"
        let expected = """
            <calls-for-testing>
            ##### [Cargo](\(url("cargo", testing)))
            * [Tracking Issue for -Zrustdoc-depinfo](https://github.com/rust-lang/cargo/issues/15370)

            *No calls for testing were issued this week by
            [Rust](\(url("rust", testing))),
            [Rustup](\(url("rustup", testing))) or
            [Rust language RFCs](\(url("rfcs", "label%3Acall-for-testing"))).*

            <approved-rfcs>
            * *No RFCs were approved this week.*

            <final-comment-period>
            ##### [Rust](\(url("rust", sorted)))
            * [Tracking Issue for `mixed_integer_ops_unsigned_sub`](\(rust)/issues/126043)
            * [Allow storing `format_args!()` in variable](\(rust)/pull/140748)
            * [Tracking Issue for File lock API](\(rust)/issues/130994)
            * [Sized Hierarchy: Part I](\(rust)/pull/137944)
            * [Allow volatile access to non-Rust memory, including address 0](\(rust)/pull/141260)
            * [\(constEval) as patterns](\(rust)/pull/140942)
            * [Report never type lints in dependencies](\(rust)/pull/141937)
            * [builtin dyn impl no guide inference](\(rust)/pull/141352)
            * [Change `core::iter::Fuse`'s Default impl to do what its docs say it does](\(rust)/pull/140985)
            * [Stabilize derive(CoercePointee)](\(rust)/pull/133820)
            * [impl `Default` for `array::IntoIter`](\(rust)/pull/141574)
            * [Added `Clone` implementation for `ChunkBy`](\(rust)/pull/138016)

            ##### [Compiler Team](\(compiler)) \(mcp)
            * [Promote tier 3 riscv32 ESP-IDF targets to tier 2](https://github.com/rust-lang/compiler-team/issues/866)

            ##### [Leadership Council](\(url("leadership-council", fcp)))
            * [disposition: close] [Retire the \\<council> alias & its [archive]](\(council))

            *No Items entered Final Comment Period this week for
            [Rust RFCs](\(url("rfcs", fcp))),
            [Cargo](\(url("cargo", sorted))),
            [Language Team](\(url("lang-team", sorted))),
            [Language Reference](\(url("reference", sorted))) or
            [Unsafe Code Guidelines](\(url("unsafe-code-guidelines", sorted))).*

            <new-rfcs>
            * [RFC: Dedented String Literals](https://github.com/rust-lang/rfcs/pull/3830)

            <project-updates>
            516 pull requests were [merged in the last week][merged]

            [merged]: https://github.com/search?q=is%3Apr+org%3Arust-lang+is%3Amerged+merged%3A2025-06-03..2025-06-10
            """
        #expect(sections.joined(separator: "\n\n") == expected)
        // Items in GitHub's most-recently-updated order, asked for; new RFCs only while open.
        let searches = requests.filter { $0.path == "/search/issues" && !$0.query["q", default: ""].hasPrefix("org:") }
        #expect(searches.allSatisfy { $0.query["sort"] == "updated" && $0.query["order"] == "desc" })
        let newRFCs = "repo:rust-lang/rfcs is:pr is:open created:2025-06-03..2025-06-10"
        #expect(searches.contains { $0.query["q"] == newRFCs })
        // The label of 137944 was added on its twelfth page of events: all were read.
        let pages = requests.filter { $0.path == "/repos/rust-lang/rust/issues/137944/events" }.map { $0.query["page"] }
        #expect(pages == [nil] + (2...12).map { String($0) })
        // The hourly core quota, not the search bucket of the answers' headers.
        #expect(
            result.quota
                == RateLimitQuota(
                    remaining: 4896, limit: 5000, reset: Date(timeIntervalSince1970: 1_749_592_800), resource: "core"))
    }

    @Test func anIncompleteSearchIsAskedAgainAndThenReported() async throws {
        let server = try await FixtureServer.start { request in
            let incomplete = request.query["q"]?.contains("quill-lang/slow") == true
            let item = GitHubFixtures.item("quill-lang/x", 7, "QEP: seven", labels: [])
            return GitHubFixtures.json(
                #"{"total_count": 1, "incomplete_results": \#(incomplete), "items": [\#(item)]}"#)
        }
        typealias Query = NewsletterConfiguration.Gather.GitHub.Query
        let configuration = NewsletterConfiguration.Gather.GitHub(
            api: server.baseURL, organisation: "quill-lang",
            queries: [
                Query(section: .newRFCs, name: "Slow", repositories: ["quill-lang/slow"]),
                Query(section: .approvedRFCs, name: "Fine", repositories: ["quill-lang/fine"]),
            ])
        let api = GitHubAPI(base: server.baseURL, token: nil, client: WebClient())
        let result = await GitHubGatherer(api: api, configuration: configuration).gather(weekEnding: week)
        let requests = await server.requests()
        await server.stop()
        #expect(result.failures.isEmpty)
        #expect(requests.filter { $0.query["q"]?.contains("quill-lang/slow") == true }.count == 3)
        #expect(requests.filter { $0.query["q"]?.contains("quill-lang/fine") == true }.count == 1)
        #expect(result.warnings.map(\.code) == [.incompleteResults])
        let message = result.warnings.first?.message ?? ""
        #expect(message.hasPrefix("GitHub's search for group 'Slow' timed out three times"))
        // What was found is still listed.
        #expect(result.groups.map(\.items.count) == [1, 1])
    }

    @Test func moreMatchesThanGitHubHandsOutIsReported() async throws {
        let server = try await FixtureServer.start { _ in
            let item = GitHubFixtures.item("quill-lang/x", 7, "QEP: seven", labels: [])
            return GitHubFixtures.json(#"{"total_count": 1200, "incomplete_results": false, "items": [\#(item)]}"#)
        }
        let configuration = NewsletterConfiguration.Gather.GitHub(
            api: server.baseURL, organisation: "quill-lang",
            queries: [.init(section: .newRFCs, name: "Busy", repositories: ["quill-lang/busy"])])
        let api = GitHubAPI(base: server.baseURL, token: nil, client: WebClient())
        let result = await GitHubGatherer(api: api, configuration: configuration).gather(weekEnding: week)
        await server.stop()
        #expect(
            result.warnings.map(\.message) == [
                "GitHub's search for group 'Busy' found 1200 items but hands out only 1 "
                    + "('repo:quill-lang/busy is:pr is:open created:2025-06-03..2025-06-10')"
            ])
    }

    @Test func everyDocumentedRateLimitFormIsWaitedOutAndSaid() async throws {
        let secondary =
            #"{"message": "You have exceeded a secondary rate limit. "#
            + #"Please wait a few minutes before you try again.", "#
            + #""documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#
        let script = Script([
            FixtureServer.Reply(status: 403, contentType: "application/json", secondary),
            FixtureServer.Reply(status: 429, contentType: "application/json", #"{"message": "Too Many Requests"}"#),
            FixtureServer.Reply(
                status: 403, contentType: "application/json", #"{"message": "API rate limit exceeded"}"#,
                headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-resource", "search")]),
            FixtureServer.Reply(
                status: 429, contentType: "application/json", secondary, headers: [("retry-after", "7")]),
        ])
        let server = try await FixtureServer.start { _ in
            if let reply = await script.next() { return reply }
            return GitHubFixtures.json(GitHubFixtures.search(total: 3, items: []))
        }
        let log = WaitLog()
        let clock = WaitClock(now: { Date(timeIntervalSince1970: 1_749_600_000) }, sleep: { log.wait($0) })
        let api = GitHubAPI(
            base: server.baseURL, token: "t", client: WebClient(), clock: clock, retries: 4, notify: log.notice)
        let answer = try await api.search("org:quill-lang is:pr", pages: 1)
        await server.stop()
        #expect(answer.total == 3)
        // A minute, then twice as long while the refusals go on, or what retry-after says.
        #expect(log.waits == [.seconds(60), .seconds(120), .seconds(240), .seconds(7)])
        let notices = log.notices
        #expect(notices.count == 4)
        let first = "GitHub's secondary rate limit is spent: waiting until 2025-06-11 00:01:00 UTC (60 s) to retry "
        #expect(notices.first?.hasPrefix(first) == true)
        #expect(notices.contains { $0.hasPrefix("GitHub's rate limit (search) is spent: waiting until") })
    }

    @Test func aRefusalThatIsNoRateLimitIsNotRetried() async throws {
        let server = try await FixtureServer.start { _ in
            FixtureServer.Reply(
                status: 403, contentType: "application/json", #"{"message": "Resource not accessible by integration"}"#)
        }
        let clock = WaitClock(now: { Date() }, sleep: { _ in Issue.record("must not wait") })
        let api = GitHubAPI(base: server.baseURL, token: "t", client: WebClient(), clock: clock)
        await #expect(throws: GatherError.self) { try await api.search("org:quill-lang", pages: 1) }
        #expect(await server.requests().count == 1)
        await server.stop()
    }
}
