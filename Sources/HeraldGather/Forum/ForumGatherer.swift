import HeraldCore

/// `herald gather forum`: the posts of the crate, quote and call-for-participation topics since
/// the previous issue, for the editors to choose from.
///
/// Discourse sends a topic's first posts and the ids of all of them; the newest are fetched by
/// id, twenty at a time from the end, until a batch reaches back before the cut-off.
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

    public var loader: SourceLoader
    public var baseURL: String
    public var topics: [Topic]
    /// The most posts read per topic, from the newest.
    public var maximumPosts: Int

    public init(loader: SourceLoader, configuration: NewsletterConfiguration.Gather.Forum, maximumPosts: Int = 200) {
        self.loader = loader
        self.baseURL = configuration.baseURL
        self.maximumPosts = maximumPosts
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
        let topicURL = "\(baseURL)/t/\(topic.id).json"
        let first = try await loader.json(at: topicURL, as: DiscourseTopic.self)
        let slug = first.slug ?? "-"
        var posts = Dictionary(first.postStream.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var remaining = Array((first.postStream.stream ?? first.postStream.posts.map(\.id)).suffix(maximumPosts))
        while !remaining.isEmpty {
            let batch = Array(remaining.suffix(20))
            remaining.removeLast(batch.count)
            let missing = batch.filter { posts[$0] == nil }
            if !missing.isEmpty {
                let query = missing.map { "post_ids%5B%5D=\($0)" }.joined(separator: "&")
                let page = try await loader.json(
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
            let text = HTMLText.plainText(post.cooked)
            return Nomination(
                author: post.username, url: "\(baseURL)/t/\(slug)/\(topic.id)/\(post.postNumber)", date: date,
                likes: post.likes, excerpt: text.count > 240 ? String(text.prefix(239)) + "…" : text,
                quote: HTMLText.blockquotes(post.cooked).first, links: HTMLText.links(post.cooked, base: baseURL),
                number: post.postNumber)
        }
    }
}
