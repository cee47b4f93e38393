import Foundation

/// Writes a JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
struct JSONFeed {
    let channel: FeedChannel

    private struct Feed: Encodable {
        let version = "https://jsonfeed.org/version/1.1"
        let title: String
        let homePageURL: String
        let feedURL: String
        let language: String
        let authors: [Author]
        let items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, language, authors, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    private struct Author: Encodable {
        let name: String
    }

    private struct Item: Encodable {
        let id: String
        let url: String
        let title: String
        let contentHTML: String
        let summary: String?
        let datePublished: String
        let authors: [Author]
        let tags: [String]?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, authors, tags
            case contentHTML = "content_html"
            case datePublished = "date_published"
        }
    }

    func data() -> Data {
        let feed = Feed(
            title: channel.title, homePageURL: channel.siteURL, feedURL: channel.feedURL, language: channel.language,
            authors: [Author(name: channel.author)],
            items: channel.entries.map { entry in
                Item(
                    id: entry.id, url: entry.url, title: entry.title, contentHTML: entry.contentHTML,
                    summary: entry.summary,
                    datePublished: entry.date.rfc3339, authors: entry.authors.map(Author.init),
                    tags: entry.category.map { [$0] })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and arrays of strings cannot fail.
        return (try? encoder.encode(feed)) ?? Data()
    }
}
