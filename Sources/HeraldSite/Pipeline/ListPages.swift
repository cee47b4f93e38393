import Foundation
import HeraldCore

/// Renders the pages that list issues (home, archive, categories) and the other HTML pages
/// that are not issues (standalone pages, 404).
struct ListPages {
    let context: SiteContext

    private var values: TemplateValues { TemplateValues(context: context) }
    private var siteTitle: String { context.configuration.site.title }

    /// The newest issue in full, then up to `[build] home_issues` before it.
    func home() -> RenderedText {
        var page: [String: Any] = [:]
        let listed = context.listed
        if let newest = listed.last {
            page["newest"] = values.detail(of: newest, shownAt: "index.html")
        }
        let recent = listed.dropLast().suffix(context.configuration.build.homeIssues).reversed().map(values.summary)
        page["recent"] = recent
        page["hasRecent"] = !recent.isEmpty
        if let subscribe = context.configuration.build.subscribeURL { page["subscribeURL"] = subscribe }
        let meta = values.meta(title: siteTitle, canonicalURL: context.links.absoluteURL(of: "index.html"))
        return context.theme.renderPage(TemplateName.home, context: values.page(meta: meta, page))
    }

    /// Every listed issue by year, newest first.
    func archive() -> RenderedText {
        let byYear = Dictionary(grouping: context.listed) { $0.metadata.date.year }
        let years: [[String: Any]] = byYear.keys.sorted(by: >).map { year in
            ["year": year, "issues": byYear[year]!.reversed().map(values.summary)]
        }
        let page: [String: Any] = ["years": years, "count": context.listed.count]
        let meta = values.meta(title: "Archive · \(siteTitle)")
        return context.theme.renderPage(TemplateName.archive, context: values.page(meta: meta, page))
    }

    /// A category's issues, newest first.
    func category(_ category: Category) -> RenderedText {
        let links = context.links
        let page: [String: Any] = [
            "category": [
                "name": category.name, "url": links.link(to: "categories/\(category.slug)/index.html"),
                "atomURL": links.link(to: "categories/\(category.slug)/atom.xml"),
                "rssURL": links.link(to: "categories/\(category.slug)/rss.xml"),
            ],
            "issues": category.issues.reversed().map(values.summary),
            "count": category.issues.count,
        ]
        let meta = values.meta(title: "\(category.name) · \(siteTitle)")
        return context.theme.renderPage(TemplateName.category, context: values.page(meta: meta, page))
    }

    func standalone(_ standalone: StandalonePage) -> RenderedText {
        let page: [String: Any] = [
            "page": ["title": standalone.title, "content": context.bodyRenderer.render(markdown: standalone.markdown)]
        ]
        let meta = values.meta(title: "\(standalone.title) · \(siteTitle)")
        return context.theme.renderPage(TemplateName.page, context: values.page(meta: meta, page))
    }

    func notFound() -> RenderedText {
        let labels = context.configuration.labels
        let meta = values.meta(title: "\(labels[.pageNotFound]) · \(siteTitle)", noindex: true)
        let archive = MarkupEscaping.link(to: context.links.link(to: "archive/index.html"), labels[.archiveLink])
        let home = MarkupEscaping.link(to: context.links.link(to: "index.html"), labels[.homeLink])
        let text = MarkupEscaping.escape(labels[.notFoundText])
            .replacingOccurrences(of: "{archive}", with: archive).replacingOccurrences(of: "{home}", with: home)
        return context.theme.renderPage(TemplateName.notFound, context: values.page(meta: meta, ["text": text]))
    }

    /// A category and its issues, oldest first.
    struct Category: Sendable {
        let name: String
        let slug: String
        let issues: [SiteIssue]
    }

    /// The categories of `issues`, by slug; the name is the first spelling met.
    static func categories(of issues: [SiteIssue]) -> [Category] {
        var order: [String] = []
        var names: [String: String] = [:]
        var members: [String: [SiteIssue]] = [:]
        for issue in issues {
            guard let name = issue.metadata.category, let slug = issue.categorySlug else { continue }
            if names[slug] == nil {
                order.append(slug)
                names[slug] = name
            }
            members[slug, default: []].append(issue)
        }
        return order.map { Category(name: names[$0]!, slug: $0, issues: members[$0]!) }
    }
}
