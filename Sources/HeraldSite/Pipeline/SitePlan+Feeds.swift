import Foundation
import HeraldCore

extension SitePlan {
    /// Atom, RSS and JSON Feed for the whole newsletter, Atom and RSS per category: the newest
    /// `[build] feed_items` published issues each, never drafts.
    func feeds() -> [OutputFile] {
        let context = context
        let count = context.configuration.build.feedItems
        let site = context.configuration.site
        @Sendable func channel(title: String, sitePath: String, feedPath: String, issues: [SiteIssue]) -> FeedChannel {
            FeedChannel(
                title: title, siteURL: context.links.absoluteURL(of: sitePath),
                feedURL: context.links.absoluteURL(of: feedPath), language: site.language, author: site.author,
                // On every core: the first feed written renders the bodies (``SiteContext/feedBodies``),
                // which the others then share, and one after another they were a fifth of a rebuild.
                entries: Array(issues.suffix(count).reversed()).concurrentMap { FeedEntry(issue: $0, context: context) }
            )
        }
        let newest = Array(context.published.suffix(count))
        let key = context.contentKey("feed", newest)
        var files = [
            OutputFile(path: "atom.xml", key: key) {
                AtomFeed(
                    channel: channel(title: site.title, sitePath: "index.html", feedPath: "atom.xml", issues: newest)
                ).xml(theme: context.theme)
            },
            OutputFile(path: "rss.xml", key: key) {
                RSSFeed(
                    channel: channel(title: site.title, sitePath: "index.html", feedPath: "rss.xml", issues: newest)
                ).xml(theme: context.theme)
            },
            OutputFile(path: "feed.json", key: key) {
                JSONFeed(
                    channel: channel(title: site.title, sitePath: "index.html", feedPath: "feed.json", issues: newest)
                ).text(theme: context.theme)
            },
        ]
        // Every category page links to its feeds, so a category of drafts only gets empty ones.
        for category in ListPages.categories(of: context.listed) {
            let issues = Array(category.issues.filter { !$0.isDraft }.suffix(count))
            let folder = "categories/\(category.slug)/"
            let title = "\(site.title): \(category.name)"
            let key = context.contentKey("category-feed", issues)
            files.append(
                OutputFile(path: folder + "atom.xml", key: key) {
                    AtomFeed(
                        channel: channel(
                            title: title, sitePath: folder + "index.html", feedPath: folder + "atom.xml", issues: issues
                        )
                    ).xml(theme: context.theme)
                })
            files.append(
                OutputFile(path: folder + "rss.xml", key: key) {
                    RSSFeed(
                        channel: channel(
                            title: title, sitePath: folder + "index.html", feedPath: folder + "rss.xml", issues: issues)
                    ).xml(theme: context.theme)
                })
        }
        return files
    }
}
