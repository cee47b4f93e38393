import HeraldCore

/// Writes `sitemap.xml` (sitemaps.org 0.9), from the theme's `sitemap.mustache`, and the
/// `robots.txt` that points to it.
///
/// Drafts are left out: they are previews, marked `noindex`.
struct Sitemap {
    let context: SiteContext

    func xml() -> String {
        context.theme.render(TemplateName.sitemap, context: ["urls": urls()])
    }

    /// Every page's `loc` (its absolute address, escaped for XML) and, for the pages that list
    /// or are issues, `lastModified` (the newest issue's date).
    private func urls() -> [[String: String]] {
        let links = context.links
        var urls: [[String: String]] = []
        func add(_ path: String, lastModified: String? = nil) {
            var url = ["loc": MarkupEscaping.xml(links.absoluteURL(of: path))]
            url["lastModified"] = lastModified
            urls.append(url)
        }
        let newestDate = context.published.last?.metadata.date.description
        add("index.html", lastModified: newestDate)
        add("archive/index.html", lastModified: newestDate)
        for category in ListPages.categories(of: context.published) {
            add("categories/\(category.slug)/index.html", lastModified: category.issues.last?.metadata.date.description)
        }
        for page in context.pages {
            add(page.outputPath)
        }
        for issue in context.published.reversed() {
            add(issue.outputPath, lastModified: issue.metadata.date.description)
        }
        return urls
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(context.links.absoluteURL(of: "sitemap.xml"))\n"
    }
}
