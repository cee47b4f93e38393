import Foundation
import HeraldCore

/// Renders `search/index.html` with the `search` template: a form that works without
/// JavaScript (it hands the query to an outside search engine, limited to this site) and that
/// `theme/search.js` turns into the archive's own search, results updating as the reader types.
///
/// The form carries the index's root (a few kilobytes), so the script's first fetch for a query
/// is already the term shards it needs.
struct SearchPage {
    let context: SiteContext
    let root: SearchIndexRoot

    /// The engine the form falls back to; `sites` limits it to one site, as `site:` would.
    static let fallbackEngineURL = "https://duckduckgo.com/"

    private var labels: SiteLabels { context.configuration.labels }

    /// The labels the script shows, as JSON for the form's `data-labels`.
    private var scriptLabels: String {
        let texts = Dictionary(uniqueKeysWithValues: SiteLabels.Key.searchScript.map { ($0.rawValue, labels[$0]) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(texts)) ?? Data("{}".utf8), as: UTF8.self)
    }

    func html() -> RenderedText {
        let values = TemplateValues(context: context)
        let links = context.links
        let site = links.host + links.basePath
        let page: [String: Any] = [
            "search": [
                "indexURL": links.link(to: SearchIndexRoot.path),
                "root": String(decoding: root.json(), as: UTF8.self),
                "scriptURL": links.link(to: "theme/search.js"),
                "engineURL": SearchPage.fallbackEngineURL,
                "engineName": "DuckDuckGo",
                "siteFilter": site,
                "help": labels.text(.searchHelp, ["site": site, "engine": "DuckDuckGo"]),
                "labels": scriptLabels,
            ]
        ]
        let meta = values.meta(title: "\(labels[.search]) · \(context.configuration.site.title)")
        return context.theme.renderPage(TemplateName.search, context: values.page(meta: meta, page))
    }
}
