import HeraldCore

/// One issue as every feed format carries it: absolute addresses, the date in the newsletter's
/// time zone, and the full body with every link made absolute.
struct FeedEntry: Sendable {
    let title: String
    /// The issue page's absolute URL.
    let url: String
    /// The entry's stable id: its URL, or Pelican's tag URI on a site that moved from Pelican.
    let id: String
    let date: FeedDate
    /// The body's HTML, written as the feed is.
    let content: SplicedText
    let summary: String?
    let authors: [String]
    let category: String?

    init(issue: SiteIssue, context: SiteContext) {
        let metadata = issue.metadata
        title = metadata.title
        url = context.links.absoluteURL(of: issue.outputPath)
        date = context.feedDate(of: issue)
        switch context.configuration.feedEntryIDStyle {
        case .pelican:
            let path = String(url.dropFirst(context.links.origin.count))
            id = "tag:\(context.links.host),\(metadata.date):\(path)"
        default:
            id = url
        }
        let pageURL = url
        content = context.feedBodies.value(for: issue.outputPath) {
            BodyRenderer.feedBody(of: context.body(of: issue), pageURL: pageURL)
        }
        summary = metadata.summary
        authors = metadata.authors.isEmpty ? [context.configuration.site.author] : metadata.authors
        category = metadata.category
    }
}

/// What describes a feed as a whole: its title, where it lives and the site it belongs to.
struct FeedChannel: Sendable {
    let title: String
    /// The site page the feed follows (the home page, or a category page).
    let siteURL: String
    /// The feed's own absolute URL.
    let feedURL: String
    let language: String
    let author: String
    let entries: [FeedEntry]

    /// The newest entry's date, so an unchanged archive gives a byte-identical feed.
    var updated: FeedDate? { entries.first?.date }
}
