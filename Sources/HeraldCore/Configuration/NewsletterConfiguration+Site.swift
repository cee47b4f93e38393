extension NewsletterConfiguration {
    /// The `[site]` table: what the newsletter is called and where it is published.
    public struct Site: Hashable, Sendable {
        /// The newsletter's name, shown in page titles, feeds and emails.
        public var title: String
        /// The public address of the site, without a trailing slash; issue URLs start with it.
        public var baseURL: String
        /// Who the feed names as author when an issue names none.
        public var author: String
        /// The site's language as a BCP 47 tag.
        public var language: String
        /// The IANA time zone the editors work in: it decides what "today" is for `herald new`
        /// and which offset feeds give an issue's date.
        public var timeZone: String
        /// Where an issue is published, relative to ``baseURL``.
        public var articleURL: PathPattern
        /// The generator the site was published with before Herald, whose addresses, feed ids and
        /// heading ids it keeps so that readers notice no switch; `nil` for a new site.
        public var legacy: LegacyGenerator?
        /// The category of an issue whose file names none; `nil` follows ``legacy``.
        public var defaultCategory: String?

        public init(
            title: String = "This Week in Rust",
            baseURL: String = "https://this-week-in-rust.org",
            author: String = "TWiR Contributors",
            language: String = "en",
            timeZone: String = "America/New_York",
            articleURL: PathPattern = Site.twirArticleURL
        ) {
            self.title = title
            self.baseURL = baseURL
            self.author = author
            self.language = language
            self.timeZone = timeZone
            self.articleURL = articleURL
        }

        /// This Week in Rust's article URL, Pelican's `blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/`.
        // swift-format-ignore: NeverUseForceTry
        public static let twirArticleURL = try! PathPattern("blog/{year}/{month}/{day}/{slug}/")

        /// The absolute URL of an issue: ``baseURL``, `/`, ``articleURL`` filled in, a slug
        /// beyond ASCII percent-encoded as the site links it.
        public func url(of metadata: IssueMetadata) -> String {
            baseURL + "/"
                + String(articleURL.filled(for: metadata).drop(while: { $0 == "/" })).percentEncodingBeyondASCII
        }
    }
}

extension NewsletterConfiguration {
    /// A static-site generator a newsletter was published with before Herald.
    public struct LegacyGenerator: Hashable, Sendable {
        /// The name `[site] legacy` gives it.
        public let name: String

        /// Pelican, which This Week in Rust is published with.
        public static let pelican = LegacyGenerator(name: "pelican")

        /// Every generator Herald keeps the addresses of.
        public static let all: [LegacyGenerator] = [.pelican]
    }
}
