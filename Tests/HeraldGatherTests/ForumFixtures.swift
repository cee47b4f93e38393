import HeraldTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif

/// A stand-in for a Discourse forum: the crate topic (2704) with 27 posts, of which the first
/// twenty come with the topic and the rest by id, and the quote topic (328).
enum ForumFixtures {
    static func post(
        _ id: Int, number: Int, user: String, created: String, likes: Int, cooked: String, oldStyleLikes: Bool = false
    ) -> String {
        let likeField =
            oldStyleLikes
            ? #""actions_summary": [{"id": 2, "count": \#(likes)}, {"id": 3, "can_act": true}]"#
            : #""actions_summary": [], "like_count": \#(likes)"#
        return #"""
            {"id": \#(id), "name": "\#(user.capitalized)", "username": "\#(user)", "avatar_template": "/user_avatar/forum.example/\#(user)/{size}/1_2.png",
             "created_at": "\#(created)", "cooked": "\#(cooked)", "post_number": \#(number), "post_type": 1,
             "updated_at": "\#(created)", "reply_count": 0, "reply_to_post_number": null, "quote_count": 0,
             "reads": 41, "score": 8.2, "yours": false, "topic_id": 2704, "topic_slug": "crate-of-the-week",
             \#(likeField), "moderator": false, "admin": false, "staff": false, "user_id": \#(id % 1000), "hidden": false,
             "trust_level": 2, "deleted_at": null, "user_deleted": false, "can_view_edit_history": true, "wiki": false}
            """#
    }

    /// Posts 1–20 are old; 21–27 are the week's: 24 and 26 are the most liked.
    static func cratePost(_ number: Int) -> String {
        let id = 50_000 + number
        guard number > 20 else {
            return post(
                id, number: number, user: "old\(number)", created: "2024-0\(number % 9 + 1)-01T10:00:00.000Z", likes: 1,
                cooked: "<p>old nomination</p>")
        }
        let likes = [21: 1, 22: 0, 23: 2, 24: 5, 25: 1, 26: 5, 27: 0][number]!
        let crate = "crate\(number)"
        let cooked =
            #"<p>I nominate <a href=\"https://crates.io/crates/\#(crate)\">\#(crate)</a> &amp; its &lt;fast&gt; parser, thanks <a class=\"mention\" href=\"/u/someone\">@someone</a>.</p>"#
        return post(
            id, number: number, user: "user\(number)", created: "2025-06-\(number - 2)T10:00:00.000Z", likes: likes,
            cooked: cooked, oldStyleLikes: number == 26)
    }

    static let crateTopic: String = {
        let posts = (1...20).map(cratePost).joined(separator: ",\n")
        let stream = (1...27).map { String(50_000 + $0) }.joined(separator: ", ")
        return #"""
            {"post_stream": {"posts": [\#(posts)], "stream": [\#(stream)]},
             "timeline_lookup": [[1, 3000]], "tags": [], "id": 2704, "title": "Crate of the Week",
             "fancy_title": "Crate of the Week", "posts_count": 27, "created_at": "2016-01-01T00:00:00.000Z",
             "views": 99999, "reply_count": 26, "like_count": 80, "last_posted_at": "2025-06-25T10:00:00.000Z",
             "visible": true, "closed": false, "archived": false, "slug": "crate-of-the-week", "category_id": 7}
            """#
    }()

    static func cratePosts(ids: [Int]) -> String {
        let posts = ids.map { cratePost($0 - 50_000) }.joined(separator: ",\n")
        return #"{"post_stream": {"posts": [\#(posts)]}, "id": 2704}"#
    }

    static let quoteTopic = #"""
        {"post_stream": {"posts": [
          \#(post(900, number: 1, user: "editor", created: "2016-01-01T00:00:00.000Z", likes: 3, cooked: "<p>Post your quotes here.</p>")),
          \#(post(901, number: 2, user: "reader", created: "2025-06-21T08:00:00.000Z", likes: 4, cooked: #"<aside class=\"quote\"><blockquote><p>Quill made me <em>fearless</em>.</p></blockquote></aside><p>from <a href=\"https://blog.example/fearless\">a blog</a></p>"#))
        ], "stream": [900, 901]}, "id": 328, "title": "Quote of the Week", "slug": "twiq-quote-of-the-week", "posts_count": 2}
        """#

    static func answer(_ request: FixtureServer.Request) -> FixtureServer.Reply {
        switch request.path {
        case "/t/2704.json":
            return FixtureServer.Reply(contentType: "application/json", crateTopic)
        case "/t/2704/posts.json":
            let ids = request.target.split(separator: "&").compactMap { part in
                part.split(separator: "=").last.flatMap { Int($0) }
            }
            return FixtureServer.Reply(contentType: "application/json", cratePosts(ids: ids))
        case "/t/328.json":
            return FixtureServer.Reply(contentType: "application/json", quoteTopic)
        case "/t/4821.json":
            return FixtureServer.Reply(
                contentType: "application/json",
                #"{"errors": ["The requested URL or resource could not be found."], "error_type": "not_found"}"#)
        default:
            return FixtureServer.Reply(status: 404, contentType: "application/json", #"{"errors": ["not found"]}"#)
        }
    }
}
