extension NewsletterConfiguration {
    /// The `[feeds]` table: how feed entries are identified.
    public struct Feeds: Hashable, Sendable {
        /// How each entry's id is made; `nil` follows `[site] legacy`. Feed readers know an entry
        /// by its id, so a site keeps the form its feeds were published with, or readers see the
        /// last issues again as new.
        public var entryIDs: FeedEntryIDStyle?

        public init(entryIDs: FeedEntryIDStyle? = nil) {
            self.entryIDs = entryIDs
        }
    }

    /// How feed entries are identified.
    public struct FeedEntryIDStyle: Hashable, Sendable {
        /// The name `[feeds] id` gives it.
        public let name: String

        /// The issue page's address (`https://example.org/issues/44/`).
        public static let url = FeedEntryIDStyle(name: "url")
        /// Pelican's tag URI of the page's host, the date and the page's path
        /// (`tag:this-week-in-rust.org,2024-02-07:/blog/2024/02/07/this-week-in-rust-533/`).
        public static let pelican = FeedEntryIDStyle(name: "pelican")

        /// Every style, by name.
        public static let all: [FeedEntryIDStyle] = [.url, .pelican]
    }

    /// The form of the site's feed entry ids: `[feeds] id`, else the legacy site's.
    public var feedEntryIDStyle: FeedEntryIDStyle {
        feeds.entryIDs ?? (site.legacy == .pelican ? .pelican : .url)
    }
}

extension NewsletterConfiguration.Feeds: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        let names = NewsletterConfiguration.FeedEntryIDStyle.all.map { "'\($0.name)'" }.joined(separator: " or ")
        entryIDs = table.parsed("id", describedAs: names) { text in
            guard let style = NewsletterConfiguration.FeedEntryIDStyle.all.first(where: { $0.name == text }) else {
                return .failure(
                    Problem(.invalidValue, message: "id '\(text)' is not a feed id form", fix: "write \(names)"))
            }
            return .success(style)
        }
        table.reportUnknownKeys()
    }
}
