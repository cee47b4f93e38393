import Foundation
import HeraldCore
import HeraldHTTP
import HeraldTestSupport
import Testing

@testable import HeraldGather

/// Records the waits a ``GitHubAPI`` asks for, without waiting.
private actor SleepLog {
    var waits: [Duration] = []
    func record(_ duration: Duration) { waits.append(duration) }
}

/// Counts requests, to answer the first ones differently.
private actor Counter {
    var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}

@Suite struct GitHubGathererTests {
    private let week = IssueDate(year: 2025, month: 6, day: 24)!

    private func start() async throws -> FixtureServer {
        let base = BaseBox()
        let server = try await FixtureServer.start { request in GitHubFixtures.answer(request, base: await base.value) }
        await base.set(server.baseURL)
        return server
    }

    @Test func gathersEachSectionInThisWeekInRustsFormat() async throws {
        let server = try await start()
        let api = GitHubAPI(base: server.baseURL, token: "test-token", client: WebClient())
        let gatherer = GitHubGatherer(api: api, configuration: GitHubFixtures.configuration(api: server.baseURL))
        let result = await gatherer.gather(weekEnding: week)
        let requests = await server.requests()
        await server.stop()
        #expect(result.failures.isEmpty)
        #expect(result.mergedCount == 448)
        // The hourly core quota from /rate_limit, not the search bucket the answers' headers count.
        #expect(result.quota?.remaining == 4987)
        #expect(result.quota?.limit == 5000)
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Bearer test-token" })
        #expect(requests.allSatisfy { $0.headers["accept"] == "application/vnd.github+json" })
        #expect(requests.contains { $0.query["page"] == "2" })
        let markdown = result.sections(webBase: "https://github.com").map { "<\($0.kind.id)>\n" + $0.markdown() }
        #expect(
            markdown.joined(separator: "\n\n")
                == (try Fixture.text("github-sections.md")).trimmingCharacters(in: .newlines))
    }

    @Test func waitsForTheRateLimitToLiftAndRetries() async throws {
        let counter = Counter()
        let server = try await FixtureServer.start { request in
            if await counter.next() == 1 {
                // The reset is set when the request arrives, however slowly the tests run.
                let reset = Int(Date().timeIntervalSince1970) + 30
                return FixtureServer.Reply(
                    status: 403, contentType: "application/json",
                    #"{"message": "API rate limit exceeded for 127.0.0.1."}"#,
                    headers: [
                        ("x-ratelimit-remaining", "0"), ("x-ratelimit-limit", "60"), ("x-ratelimit-reset", "\(reset)"),
                    ])
            }
            if request.query["q"]?.contains("org:") == true, await counter.value == 2 {
                return FixtureServer.Reply(
                    status: 429, contentType: "application/json", #"{"message": "slow down"}"#,
                    headers: [("Retry-After", "2")])
            }
            return GitHubFixtures.json(GitHubFixtures.search(total: 7, items: []))
        }
        let sleeps = SleepLog()
        let clock = GitHubAPI.Clock(now: { Date() }, sleep: { await sleeps.record($0) })
        let api = GitHubAPI(base: server.baseURL, token: nil, client: WebClient(), clock: clock)
        let configuration = NewsletterConfiguration.Gather.GitHub(
            api: server.baseURL, organisation: "quill-lang", queries: [])
        let result = await GitHubGatherer(api: api, configuration: configuration).gather(weekEnding: week)
        await server.stop()
        #expect(result.failures.isEmpty)
        #expect(result.mergedCount == 7)
        let waits = await sleeps.waits
        #expect(waits.count == 2)
        #expect(waits[0] >= .seconds(29) && waits[0] <= .seconds(32))
        #expect(waits[1] == .seconds(2))
        #expect(await api.waits == 2)
    }

    @Test func aRateLimitLongerThanTheLongestWaitFailsSayingWhen() async throws {
        let reset = Int(Date().timeIntervalSince1970) + 3600
        let server = try await FixtureServer.start { _ in
            FixtureServer.Reply(
                status: 403, contentType: "application/json", #"{"message": "API rate limit exceeded"}"#,
                headers: [
                    ("x-ratelimit-remaining", "0"), ("x-ratelimit-limit", "60"), ("x-ratelimit-reset", "\(reset)"),
                ])
        }
        let clock = GitHubAPI.Clock(now: { Date() }, sleep: { _ in Issue.record("must not wait") })
        let api = GitHubAPI(
            base: server.baseURL, token: nil, client: WebClient(), clock: clock, maximumWait: .seconds(60))
        let configuration = NewsletterConfiguration.Gather.GitHub(
            api: server.baseURL, organisation: "quill-lang", queries: [])
        let result = await GitHubGatherer(api: api, configuration: configuration).gather(weekEnding: week)
        await server.stop()
        let failure = try #require(result.failures.first)
        #expect(failure.code == .rateLimited)
        #expect(failure.message.hasPrefix("GitHub's rate limit is spent until "))
        #expect(failure.fix == "set GITHUB_TOKEN to a token for 5,000 requests an hour, or try again then")
        #expect(result.quota?.remaining == 0)
    }

    @Test func aFailingGroupIsReportedAndTheOthersAreKept() async throws {
        let server = try await FixtureServer.start { request in
            if request.query["q"]?.contains("quill-lang/broken") == true {
                return FixtureServer.Reply(
                    status: 422, contentType: "application/json",
                    #"{"message": "Validation Failed", "errors": [{"message": "The listed users and repositories cannot be searched"}]}"#
                )
            }
            if request.query["q"]?.contains("quill-lang/garbled") == true {
                return GitHubFixtures.json(#"{"total_count": "many"}"#)
            }
            return GitHubFixtures.json(
                GitHubFixtures.search(
                    total: 1, items: [GitHubFixtures.item("quill-lang/qeps", 12, "QEP: A", labels: [])]))
        }
        typealias Query = NewsletterConfiguration.Gather.GitHub.Query
        let configuration = NewsletterConfiguration.Gather.GitHub(
            api: server.baseURL, organisation: "quill-lang",
            queries: [
                Query(section: .newRFCs, name: "Broken", repositories: ["quill-lang/broken"]),
                Query(section: .approvedRFCs, name: "Garbled", repositories: ["quill-lang/garbled"]),
                Query(section: .newRFCs, name: "QEPs", repositories: ["quill-lang/qeps"]),
            ])
        let api = GitHubAPI(base: server.baseURL, token: nil, client: WebClient())
        let result = await GitHubGatherer(api: api, configuration: configuration).gather(weekEnding: week)
        await server.stop()
        #expect(result.failures.count == 2)
        #expect(result.failures[0].message == "GitHub answered 422: Validation Failed")
        #expect(result.failures[0].source.hasPrefix(server.url("/search/issues?q=repo%3Aquill-lang%2Fbroken")))
        #expect(result.failures[1].code == .malformedJSON)
        #expect(result.failures[1].message.contains("total_count"))
        #expect(result.groups.map(\.query.name) == ["QEPs"])
        #expect(
            result.sections(webBase: "https://github.com").first?.markdown()
                == "* [QEP: A](https://github.com/quill-lang/qeps/pull/12)")
    }

    @Test func nextPageAddressesComeFromTheLinkHeader() {
        #expect(
            GitHubAPI.nextPage(
                #"<https://api.github.com/search/issues?q=a&page=2>; rel="next", <https://api.github.com/search/issues?q=a&page=5>; rel="last""#
            )
                == "https://api.github.com/search/issues?q=a&page=2")
        #expect(GitHubAPI.nextPage(#"<https://api.github.com/x?page=1>; rel="prev""#) == nil)
        #expect(GitHubAPI.nextPage(nil) == nil)
    }
}

/// The fixture server's own address, known only once it has started.
actor BaseBox {
    var value = ""
    func set(_ base: String) { value = base }
}
