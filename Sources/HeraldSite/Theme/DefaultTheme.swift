/// The theme built into Herald. Its templates, stylesheet and script are the files of
/// `Theme/Files`, which SwiftPM embeds in the binary as bytes (`PackageResources`), so a copied
/// `herald` executable builds a complete site with no resource bundle beside it.
enum DefaultTheme {
    /// Template name → Mustache source. A newsletter replaces one with `theme/NAME.mustache`.
    static let templates: [String: String] = [
        TemplateName.layout: text(PackageResources.layout_mustache),
        TemplateName.issue: text(PackageResources.issue_mustache),
        TemplateName.home: text(PackageResources.home_mustache),
        TemplateName.archive: text(PackageResources.archive_mustache),
        TemplateName.category: text(PackageResources.category_mustache),
        TemplateName.page: text(PackageResources.page_mustache),
        // SwiftPM names the bytes of `404.mustache` `_04_mustache`: an identifier cannot start
        // with a digit, and the first character is replaced rather than prefixed.
        TemplateName.notFound: text(PackageResources._04_mustache),
        TemplateName.search: text(PackageResources.search_mustache),
        TemplateName.insights: text(PackageResources.insights_mustache),
        TemplateName.crate: text(PackageResources.crate_mustache),
        TemplateName.quotes: text(PackageResources.quotes_mustache),
        TemplateName.people: text(PackageResources.people_mustache),
        TemplateName.region: text(PackageResources.region_mustache),
        TemplateName.rss: text(PackageResources.rss_mustache),
        TemplateName.atom: text(PackageResources.atom_mustache),
        TemplateName.jsonFeed: text(PackageResources.feed_json_mustache),
        TemplateName.sitemap: text(PackageResources.sitemap_mustache),
    ]

    /// Asset file name (under `theme/` in the output) → contents. A newsletter replaces one with a
    /// file of the same name in its `theme/` folder.
    static let assets: [String: String] = ["style.css": text(PackageResources.style_css), "search.js": searchScript]

    /// `theme/search.js`: the archive search, loaded by the search page alone.
    ///
    /// It fetches nothing until there is a query (from the address, or typed), then only the term
    /// shards the query's words fall in, all at once, and then the entry chunks of the results
    /// shown, all at once: the index's root is in the form (`data-search-root`), and
    /// `search/index.json` is fetched only when a theme's form lacks it. A query in the address
    /// starts loading as the script runs; its results are drawn after first paint. The clock in
    /// `data-query-ms` starts when the script sees the query. Chunks are inflated by the script
    /// itself, as waiting for a `DecompressionStream` costs more than the query. Terms are folded
    /// as ``SearchText`` folds them. Ranking: entries matching more query words in their title
    /// first, then entries titled by the word alone (a crate's name), then whole words before
    /// prefixes, then newer issues. `docs/search.md` describes the files it reads.
    ///
    /// `Files/search.js` holds the script with a marker line where ``searchStemmerScript`` goes,
    /// so the stemmer is one file that a test can run on its own.
    static let searchScript = text(PackageResources.search_js).replacing(
        "/* search-stemmer.js */\n", with: searchStemmerScript)

    /// The search script's English stemmer: ``EnglishStemmer`` step for step, so a query's words
    /// become the index's terms. It defines `stem(term)`, which returns terms that are not two or
    /// more ASCII letters as they are. `SearchStemmerTests` runs it with node against the Swift
    /// stemmer.
    static let searchStemmerScript = text(PackageResources.search_stemmer_js)

    /// An embedded file's bytes as text; every file of `Theme/Files` is UTF-8.
    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
