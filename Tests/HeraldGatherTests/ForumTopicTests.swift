import Foundation
import HeraldCore
import HeraldHTTP
import HeraldTestSupport
import Testing

@testable import HeraldGather

/// The waits a ``DiscourseClient`` asked for, and what it said, without waiting.
private final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var durations: [Duration] = []
    private var lines: [String] = []
    var all: [Duration] { lock.withLock { durations } }
    var notices: [String] { lock.withLock { lines } }
    func record(_ duration: Duration) { lock.withLock { durations.append(duration) } }
    func notice(_ line: String) { lock.withLock { lines.append(line) } }
}

/// Counts the requests for one path, to refuse the first.
private actor Refusals {
    var count = 0
    func first() -> Bool {
        count += 1
        return count == 1
    }
}

@Suite struct ForumTopicTests {
    private let since = IssueDate(year: 2025, month: 6, day: 18)!

    /// A topic of `count` posts, all written since the cut-off, the first twenty sent with it.
    private static func longTopic(_ count: Int) -> @Sendable (FixtureServer.Request) -> FixtureServer.Reply {
        @Sendable func post(_ number: Int) -> String {
            let minute = number % 60
            let hour = number / 60 % 24
            return ForumFixtures.post(
                70_000 + number, number: number, user: "user\(number)",
                created: String(format: "2025-06-2%ldT%02ld:%02ld:00.000Z", number / 1440, hour, minute),
                likes: number % 7, cooked: "<p>I nominate crate\(number).</p>")
        }
        return { request in
            if request.path == "/t/2704.json" {
                let posts = (1...20).map(post).joined(separator: ",\n")
                let stream = (1...count).map { String(70_000 + $0) }.joined(separator: ", ")
                return FixtureServer.Reply(
                    contentType: "application/json",
                    #"{"post_stream": {"posts": [\#(posts)], "stream": [\#(stream)]}, "#
                        + #""id": 2704, "slug": "crate-of-the-week"}"#)
            }
            // Discourse's `posts.json?post_ids[]=…` answers with the posts asked for.
            let ids =
                request.target.split(separator: "?").last?.split(separator: "&").compactMap { part in
                    part.split(separator: "=").last.flatMap { Int($0) }
                } ?? []
            let posts = ids.map { post($0 - 70_000) }.joined(separator: ",\n")
            return FixtureServer.Reply(
                contentType: "application/json", #"{"post_stream": {"posts": [\#(posts)]}, "id": 2704}"#)
        }
    }

    @Test func everyPostSinceTheCutOffIsReadHoweverLongTheTopic() async throws {
        let server = try await FixtureServer.start(Self.longTopic(446))
        let configuration = NewsletterConfiguration.Gather.Forum(
            baseURL: server.baseURL, crateTopic: 2704, quoteTopic: nil)
        let gatherer = ForumGatherer(loader: SourceLoader(client: WebClient()), configuration: configuration)
        let result = await gatherer.gather(since: since)
        let requests = await server.requests()
        await server.stop()
        #expect(result.failures.isEmpty)
        let nominations = try #require(result.topics.first?.nominations)
        #expect(Set(nominations.map(\.number)) == Set(2...446))
        let batches = requests.filter { $0.path == "/t/2704/posts.json" }
        #expect(batches.count == 22)
        #expect(batches.allSatisfy { $0.target.components(separatedBy: "post_ids%5B%5D=").count - 1 <= 20 })
    }

    /// A crate nomination that quotes an earlier one, and a quote nomination holding a quote that
    /// quotes someone else, as Discourse renders them.
    private static let crateReply = [
        #"<aside class=\"quote no-group\" data-username=\"bob\" data-post=\"3\" data-topic=\"2704\">"#,
        #"<div class=\"title\">\n<div class=\"quote-controls\"></div>\n"#,
        #"<img alt=\"\" width=\"24\" height=\"24\" src=\"/a.png\" class=\"avatar\"> bob:</div>\n"#,
        #"<blockquote>\n<p>I like crate X</p>\n</blockquote>\n</aside>\n"#,
        #"<p>Seconding <a href=\"https://crates.io/crates/y\">y</a>: it parses fast.</p>"#,
    ].joined()
    private static let nestedQuote = [
        #"<aside class=\"quote\" data-username=\"alice\"><div class=\"title\">\n"#,
        #"<div class=\"quote-controls\"></div>\n<img class=\"avatar\" src=\"/a.png\"> alice:</div>\n"#,
        #"<blockquote>\n<p>Outer start</p>\n"#,
        #"<aside class=\"quote\" data-username=\"carol\"><div class=\"title\">\n"#,
        #"<img class=\"avatar\" src=\"/c.png\"> carol:</div>\n"#,
        #"<blockquote><p>inner words</p></blockquote></aside>\n<p>outer end.</p>\n</blockquote>\n</aside>\n"#,
        #"<p>Nominating this, from <a href=\"https://blog.example/\">a blog</a>.</p>"#,
    ].joined()

    private static func topic(id: Int, slug: String, posts: [String]) -> String {
        let stream = (0..<posts.count).map { String(id * 10 + $0) }.joined(separator: ", ")
        return #"{"post_stream": {"posts": [\#(posts.joined(separator: ",\n"))], "stream": [\#(stream)]}, "#
            + #""id": \#(id), "slug": "\#(slug)"}"#
    }

    @Test func nominationsAreThePostsOwnWordsAndQuotesTheQuote() async throws {
        let long = (1...1_400).map { "word\($0)" }.joined(separator: " ")
        let refusals = Refusals()
        let server = try await FixtureServer.start { request in
            switch request.path {
            case "/t/2704.json":
                return FixtureServer.Reply(
                    contentType: "application/json",
                    Self.topic(
                        id: 2704, slug: "crate-of-the-week",
                        posts: [
                            ForumFixtures.post(
                                27040, number: 1, user: "host", created: "2016-01-01T00:00:00.000Z", likes: 0,
                                cooked: "<p>Nominate here</p>"),
                            ForumFixtures.post(
                                27041, number: 1450, user: "dana", created: "2025-06-20T10:00:00.000Z", likes: 3,
                                cooked: Self.crateReply),
                        ]))
            case "/t/328.json":
                if await refusals.first() {
                    return FixtureServer.Reply(
                        status: 429, contentType: "application/json",
                        #"{"errors": ["You’ve performed this action too many times."], "error_type": "rate_limit", "#
                            + #""extras": {"wait_seconds": 3}}"#,
                        headers: [("Retry-After", "3")])
                }
                return FixtureServer.Reply(
                    contentType: "application/json",
                    Self.topic(
                        id: 328, slug: "twir-quote-of-the-week",
                        posts: [
                            ForumFixtures.post(
                                3280, number: 1, user: "host", created: "2016-01-01T00:00:00.000Z", likes: 0,
                                cooked: "<p>Quotes here</p>"),
                            ForumFixtures.post(
                                3281, number: 1700, user: "erin", created: "2025-06-21T10:00:00.000Z", likes: 5,
                                cooked: Self.nestedQuote),
                            ForumFixtures.post(
                                3282, number: 1701, user: "finn", created: "2025-06-22T10:00:00.000Z", likes: 1,
                                cooked: "<blockquote><p>\(long)</p></blockquote>"),
                        ]))
            default:
                return FixtureServer.Reply(status: 404, contentType: "application/json", #"{"errors": ["not found"]}"#)
            }
        }
        let waits = Waits()
        let gatherer = ForumGatherer(
            loader: SourceLoader(client: WebClient()),
            configuration: NewsletterConfiguration.Gather.Forum(
                baseURL: server.baseURL, crateTopic: 2704, quoteTopic: 328),
            clock: WaitClock(now: { Date(timeIntervalSince1970: 1_750_500_000) }, sleep: { waits.record($0) }),
            notify: waits.notice)
        let result = await gatherer.gather(since: since)
        await server.stop()
        #expect(result.failures.isEmpty)
        #expect(waits.all == [.seconds(3)])
        let waiting = "the forum's rate limit is spent: waiting until 2025-06-21 10:00:03 UTC (3 s) to retry "
        #expect(waits.notices.first?.hasPrefix(waiting) == true)
        let crate = try #require(result.topics.first { $0.topic.section == .crateOfTheWeek }?.nominations.first)
        #expect(crate.excerpt == "Seconding y: it parses fast.")
        #expect(crate.quote == nil)
        let quotes = try #require(result.topics.first { $0.topic.section == .quoteOfTheWeek }?.nominations)
        #expect(quotes.map(\.number) == [1700, 1701])
        #expect(quotes[0].quote == "Outer start inner words outer end.")
        #expect(quotes[0].excerpt == "Nominating this, from a blog.")
        let shortened = try #require(quotes[1].quote)
        #expect(shortened.count <= 400)
        #expect(shortened.hasSuffix("…"))
        #expect(long.hasPrefix(String(shortened.dropLast()) + " "))
    }

    @Test func quotesAreShortenedAtAWord() {
        #expect(HTMLText.shortened("one two three", to: 20) == "one two three")
        #expect(HTMLText.shortened("one two three", to: 10) == "one two…")
        #expect(HTMLText.shortened("one, two three", to: 9) == "one…")
        #expect(HTMLText.shortened("abcdefghijkl", to: 6) == "abcde…")
        let nested = "<blockquote><p>a <blockquote>b</blockquote> c</p></blockquote><p>d</p>"
        #expect(HTMLText.blockquotes(nested) == ["a b c"])
        #expect(HTMLText.blockquotes("<blockquote><p>never closed") == ["never closed"])
        #expect(HTMLText.withoutQuotes("<p>x</p><blockquote>q</blockquote><p>y</p>") == "<p>x</p> <p>y</p>")
    }
}
