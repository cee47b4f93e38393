public import HeraldCore

/// `herald gather forum`: the posts of the crate, quote and call-for-participation topics since
/// the previous issue, for the editors to choose from.
///
/// Discourse sends a topic's first posts and the ids of all of them (`post_stream.stream`); the
/// newest are fetched by id, twenty at a time from the end, until a batch reaches back before the
/// cut-off, however many posts that takes. A crate nomination is the post's own words (quotes of
/// other posts left out); a quote nomination is the quote it holds, nested quotes and their
/// authors' names taken apart. Long texts are shortened at a word, with an ellipsis.
public struct ForumGatherer: Sendable {
    /// One topic to read and the section its posts are for.
    public struct Topic: Hashable, Sendable {
        public var section: SectionKind
        /// What its nominations are called in the list: `Crate of the Week`.
        public var name: String
        public var id: Int
        /// Whether posts are ranked by likes (nominations) or kept in order (calls).
        public var isVote: Bool
    }

    var client: DiscourseClient
    public var baseURL: String
    public var topics: [Topic]
    /// The longest excerpt of a post's own text, in characters.
    public var maximumExcerpt = 240
    /// The longest quote of a quote nomination, in characters.
    public var maximumQuote = 400
    /// How many post ids Discourse is asked for at once.
    static let batchSize = 20

    public init(
        loader: SourceLoader, configuration: NewsletterConfiguration.Gather.Forum, clock: WaitClock = .system,
        notify: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.client = DiscourseClient(loader: loader, clock: clock, notify: notify)
        self.baseURL = configuration.baseURL
        var topics: [Topic] = []
        if let id = configuration.crateTopic {
            topics.append(Topic(section: .crateOfTheWeek, name: "Crate of the Week", id: id, isVote: true))
        }
        if let id = configuration.quoteTopic {
            topics.append(Topic(section: .quoteOfTheWeek, name: "Quote of the Week", id: id, isVote: true))
        }
        if let id = configuration.participationTopic {
            topics.append(Topic(section: .cfpProjects, name: "Call for Participation", id: id, isVote: false))
        }
        self.topics = topics
    }

    /// What one run gathered.
    public struct Result: Sendable {
        public var topics: [(topic: Topic, nominations: [Nomination])]
        public var failures: [GatherError]
        public var since: IssueDate
    }

    /// The posts made on or after `since` in each topic; nominations ranked by likes.
    public func gather(since: IssueDate) async -> Result {
        var result = Result(topics: [], failures: [], since: since)
        for topic in topics {
            do throws(GatherError) {
                var posts = try await self.posts(of: topic, since: since)
                if topic.isVote { posts.sort(by: Nomination.byLikes) }
                result.topics.append((topic, posts))
            } catch {
                result.failures.append(error)
            }
        }
        return result
    }

    private func posts(of topic: Topic, since: IssueDate) async throws(GatherError) -> [Nomination] {
        let first = try await client.json(at: "\(baseURL)/t/\(topic.id).json", as: DiscourseTopic.self)
        let slug = first.slug ?? "-"
        var posts = Dictionary(first.postStream.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var remaining = first.postStream.stream ?? first.postStream.posts.map(\.id)
        while !remaining.isEmpty {
            let batch = Array(remaining.suffix(Self.batchSize))
            remaining.removeLast(batch.count)
            let missing = batch.filter { posts[$0] == nil }
            if !missing.isEmpty {
                let query = missing.map { "post_ids%5B%5D=\($0)" }.joined(separator: "&")
                let page = try await client.json(
                    at: "\(baseURL)/t/\(topic.id)/posts.json?\(query)", as: DiscourseTopic.self)
                for post in page.postStream.posts { posts[post.id] = post }
            }
            let oldest = batch.compactMap { posts[$0] }.compactMap { IssueDate(timestamp: $0.createdAt) }.min()
            if let oldest, oldest < since { break }
        }
        return posts.values.sorted { $0.postNumber < $1.postNumber }.compactMap { post in
            guard let date = IssueDate(timestamp: post.createdAt), date >= since, post.postNumber > 1 else {
                return nil
            }
            let quote =
                topic.section == .quoteOfTheWeek
                ? HTMLText.blockquotes(post.cooked).first.map { HTMLText.shortened($0, to: maximumQuote) } : nil
            let ownWords = HTMLText.plainText(HTMLText.withoutQuotes(post.cooked))
            return Nomination(
                author: post.username, url: "\(baseURL)/t/\(slug)/\(topic.id)/\(post.postNumber)", date: date,
                likes: post.likes, excerpt: HTMLText.shortened(ownWords, to: maximumExcerpt),
                quote: quote, links: HTMLText.links(post.cooked, base: baseURL), number: post.postNumber)
        }
    }
}
