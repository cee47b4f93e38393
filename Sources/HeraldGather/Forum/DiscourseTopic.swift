/// The parts of Discourse's topic JSON (`GET /t/{id}.json`) Herald reads.
///
/// A topic's JSON carries its first posts and the ids of all of them (`stream`); the rest are
/// fetched by id from `/t/{id}/posts.json`, which answers with the same `post_stream` shape.
struct DiscourseTopic: Decodable, Sendable {
    /// The topic's name in its address: `crate-of-the-week`.
    var slug: String?
    var postStream: PostStream
}

struct PostStream: Decodable, Sendable {
    var posts: [DiscoursePost]
    /// Every post id of the topic, oldest first; absent from `posts.json` answers.
    var stream: [Int]?
}

/// One forum post.
struct DiscoursePost: Decodable, Sendable {
    struct Action: Decodable, Sendable {
        var id: Int
        var count: Int?
    }

    var id: Int
    var postNumber: Int
    var username: String
    var createdAt: String
    /// The post rendered to HTML.
    var cooked: String
    /// Newer Discourse versions give the likes directly…
    var likeCount: Int?
    /// …older ones as the action with id 2.
    var actionsSummary: [Action]?

    var likes: Int {
        likeCount ?? actionsSummary?.first { $0.id == 2 }?.count ?? 0
    }
}
