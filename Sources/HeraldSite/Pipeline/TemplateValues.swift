import Foundation
import HeraldCore

/// The variables templates see, built from the site's values; `docs/templates.md` lists them.
///
/// Templates get plain dictionaries, arrays, strings and booleans; a key whose value is
/// absent is left out rather than set to an empty value, so `{{#key}}` tests work.
struct TemplateValues {
    let context: SiteContext

    /// `site`: the newsletter's name, language and the addresses every page links to.
    var site: [String: Any] {
        let links = context.links
        var site: [String: Any] = [
            "title": context.configuration.site.title,
            "language": context.configuration.site.language,
            "baseURL": links.baseURL,
            "homeURL": links.link(to: "index.html"),
            "archiveURL": links.link(to: "archive/index.html"),
            "searchURL": links.link(to: "search/index.html"),
            "atomURL": links.link(to: "atom.xml"),
            "rssURL": links.link(to: "rss.xml"),
            "jsonFeedURL": links.link(to: "feed.json"),
            "stylesheetURL": links.link(to: "theme/style.css"),
            "pages": context.pages.map { ["title": $0.title, "url": links.link(to: $0.outputPath)] },
        ]
        // A newsletter with no events section has nothing to offer as a calendar.
        if context.configuration.sections.rules.contains(where: { $0.kind == .events }) {
            site["calendarURL"] = links.link(to: "events.ics")
        }
        if let subscribe = context.configuration.build.subscribeURL {
            site["subscribeURL"] = subscribe
        }
        if context.buildsInsights { site["insightsURL"] = links.link(to: InsightPaths.index) }
        return site
    }

    /// `meta`: what the layout puts in `<head>`.
    func meta(title: String, description: String? = nil, canonicalURL: String? = nil, noindex: Bool = false) -> [String:
        Any]
    {
        var meta: [String: Any] = ["title": title, "noindex": noindex]
        if let description { meta["description"] = description }
        if let canonicalURL { meta["canonicalURL"] = canonicalURL }
        return meta
    }

    /// An issue as lists show it: title, address, dates, number, draft mark.
    func summary(of issue: SiteIssue) -> [String: Any] {
        let metadata = issue.metadata
        var values: [String: Any] = [
            "title": metadata.title,
            "url": context.links.link(to: issue.outputPath),
            "absoluteURL": context.links.absoluteURL(of: issue.outputPath),
            "date": metadata.date.description,
            "dateText": context.feedDate(of: issue).readable(in: context.configuration.site.language),
            "isDraft": issue.isDraft,
        ]
        if let number = metadata.number { values["number"] = number }
        if let summary = metadata.summary { values["summary"] = summary }
        if !metadata.authors.isEmpty { values["authors"] = metadata.authors }
        if let name = metadata.category, let slug = issue.categorySlug {
            values["category"] = ["name": name, "url": context.links.link(to: "categories/\(slug)/index.html")]
        }
        return values
    }

    /// An issue in full: ``summary(of:)`` and its body as `content`.
    ///
    /// - Parameter page: the output path of the page showing it; elsewhere than the issue's own
    ///   page, the body's relative links are rewritten so they still lead where they did.
    func detail(of issue: SiteIssue, shownAt page: String) -> [String: Any] {
        var values = summary(of: issue)
        let body = context.body(of: issue)
        if page == issue.outputPath {
            values["content"] = body
        } else {
            values["content"] = BodyRenderer.rootingRelativeLinks(
                in: body, pageURL: context.links.absoluteURL(of: issue.outputPath), origin: context.links.origin)
        }
        return values
    }

    /// The common variables and the page's own; `labels` has `{title}` filled in, and `{count}`
    /// on a page that counts issues.
    func page(meta: [String: Any], _ values: [String: Any]) -> [String: Any] {
        var labels = context.labels
        if let count = values["count"] as? Int {
            labels = labels.mapValues { $0.replacingOccurrences(of: "{count}", with: String(count)) }
        }
        return values.merging(["site": site, "meta": meta, "labels": labels]) { own, _ in own }
    }
}
