import HeraldCore
import HeraldHTTP
import HeraldTestSupport
import Testing

@testable import HeraldGather

@Suite struct ForumGathererTests {
    @Test func nominationsSinceThePreviousIssueRankedByLikes() async throws {
        let server = try await FixtureServer.start(ForumFixtures.answer)
        let configuration = NewsletterConfiguration.Gather.Forum(
            baseURL: server.baseURL, crateTopic: 2704, quoteTopic: 328)
        let gatherer = ForumGatherer(loader: SourceLoader(client: WebClient()), configuration: configuration)
        let result = await gatherer.gather(since: IssueDate(year: 2025, month: 6, day: 20)!)
        let requests = await server.requests()
        await server.stop()
        #expect(result.failures.isEmpty)
        let crates = try #require(result.topics.first { $0.topic.section == .crateOfTheWeek }).nominations
        #expect(crates.map(\.number) == [24, 26, 23, 25, 22, 27])
        #expect(crates.map(\.likes) == [5, 5, 2, 1, 0, 0])
        #expect(crates[0].links == ["https://crates.io/crates/crate24"])
        #expect(crates[0].excerpt == "I nominate crate24 & its <fast> parser, thanks @someone.")
        #expect(crates[0].url == server.url("/t/crate-of-the-week/2704/24"))
        #expect(requests.filter { $0.path == "/t/2704/posts.json" }.count == 1)
        let section = try #require(result.sections.first)
        #expect(section.kind == .crateOfTheWeek)
        #expect(
            section.markdown().split(separator: "\n").prefix(3).joined(separator: "\n") == """
                <!-- herald gather forum: Crate of the Week posts since 2025-06-20, most liked first
                * 5 likes, [user24](\(server.url("/t/crate-of-the-week/2704/24"))) on 2025-06-22: I nominate crate24 & its <fast> parser, thanks @someone. <https://crates.io/crates/crate24>
                * 5 likes, [user26](\(server.url("/t/crate-of-the-week/2704/26"))) on 2025-06-24: I nominate crate26 & its <fast> parser, thanks @someone. <https://crates.io/crates/crate26>
                """)
        #expect(section.markdown().hasSuffix("\n-->"))
        let quotes = try #require(result.topics.first { $0.topic.section == .quoteOfTheWeek }).nominations
        let quote = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(quote.quote == "Quill made me fearless.")
        #expect(quote.links == ["https://blog.example/fearless"])
    }

    @Test func aMissingTopicIsReportedAndTheOthersKept() async throws {
        let server = try await FixtureServer.start(ForumFixtures.answer)
        let configuration = NewsletterConfiguration.Gather.Forum(
            baseURL: server.baseURL, crateTopic: 77, quoteTopic: 328, participationTopic: 4821)
        let gatherer = ForumGatherer(loader: SourceLoader(client: WebClient()), configuration: configuration)
        let result = await gatherer.gather(since: IssueDate(year: 2025, month: 6, day: 1)!)
        await server.stop()
        #expect(
            result.failures.map(\.description) == [
                "\(server.url("/t/77.json")): the server answered 404; check the address",
                "\(server.url("/t/4821.json")): the answer is not the JSON Herald expects (no 'post_stream' at the top); check the address is a Discourse forum's",
            ])
        #expect(result.topics.map(\.topic.name) == ["Quote of the Week"])
    }

    @Test func htmlTextHelpers() {
        #expect(HTMLText.plainText("<p>a&nbsp;&#x263A;&#65; <b>b</b></p>\n<p>c</p>") == "a ☺A b c")
        #expect(HTMLText.plainText("<p>&bogus; &hellip; &amp</p>") == "&bogus; … &amp")
        #expect(
            HTMLText.links(
                ##"<a href="/t/x/1">x</a><a href="#top">t</a><a href="https://a.example/?a=1&amp;b=2">a</a>"##,
                base: "https://f.example") == ["https://f.example/t/x/1", "https://a.example/?a=1&b=2"])
        // A quote never closed runs to the end, as a browser reads it.
        #expect(HTMLText.blockquotes("<blockquote><p>one</p></blockquote><blockquote>two") == ["one", "two"])
    }
}
