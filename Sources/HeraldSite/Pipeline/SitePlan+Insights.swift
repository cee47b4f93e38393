import HeraldCore

extension SitePlan {
    /// The insight pages (an index, a page per crate and per region of event places, the people,
    /// the quotes, a calendar per region) and `insights/files.txt`, which records them for the
    /// next build.
    ///
    /// When the pages the last build left (`previous`) were made from the same published issues,
    /// they are planned again with the keys it recorded, so the writer carries them all over and
    /// no issue is read for them: a rebuild after editing a draft costs the insights nothing.
    /// Otherwise the ``InsightsBuilder`` makes the insights here, to learn the pages and their
    /// keys, and the writer makes only the pages whose facts changed.
    func insightFiles(previous: BuiltInsights?) -> [OutputFile] {
        let builder = InsightsBuilder(context: context)
        let key = builder.key.hex
        let built: BuiltInsights
        if let previous, previous.key == key {
            built = previous
        } else {
            built = BuiltInsights(key: key, pages: builder.pages().map { ($0.path, $0.key.hex) })
        }
        var files = built.pages.map { page in
            OutputFile(path: page.path, key: StableHash("insight-page", page.key)) {
                builder.page(at: page.path)?.make() ?? ""
            }
        }
        files.append(OutputFile(path: BuiltInsights.path, key: StableHash("insight-pages", key)) { built.text() })
        return files
    }
}
