public import HeraldCore

/// A forum post put forward for the newsletter: a crate or quote nomination, or a call for
/// participation, with what the editor needs to choose.
public struct Nomination: Hashable, Sendable {
    /// Who posted it.
    public var author: String
    /// The post's own address.
    public var url: String
    public var date: IssueDate
    public var likes: Int
    /// The post's own text (without the posts it quotes), shortened.
    public var excerpt: String
    /// For a quote nomination, the quote the post holds, shortened.
    public var quote: String?
    /// Links in the post, in order: the crate, the quote's source, the project.
    public var links: [String]
    /// The post's number in its topic.
    public var number: Int

    public init(
        author: String, url: String, date: IssueDate, likes: Int, excerpt: String, quote: String? = nil,
        links: [String] = [], number: Int
    ) {
        self.author = author
        self.url = url
        self.date = date
        self.likes = likes
        self.excerpt = excerpt
        self.quote = quote
        self.links = links
        self.number = number
    }

    /// Most liked first, then oldest first: the forum's vote, ties to the first to suggest.
    public static func byLikes(_ a: Nomination, _ b: Nomination) -> Bool {
        (-a.likes, a.date, a.number) < (-b.likes, b.date, b.number)
    }
}
