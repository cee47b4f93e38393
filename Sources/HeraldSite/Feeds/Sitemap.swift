import HeraldCore

/// Writes `sitemap.xml` (sitemaps.org 0.9) and the `robots.txt` that points to it.
///
/// Drafts are left out: they are previews, marked `noindex`.
struct Sitemap {
    let context: SiteContext

    func xml() -> String {
        let links = context.links
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        func add(_ path: String, lastModified: String? = nil) {
            xml += "<url><loc>\(MarkupEscaping.xml(links.absoluteURL(of: path)))</loc>"
            if let lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
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
        xml += "</urlset>\n"
        return xml
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(context.links.absoluteURL(of: "sitemap.xml"))\n"
    }
}
