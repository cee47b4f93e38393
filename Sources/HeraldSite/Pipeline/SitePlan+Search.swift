import Foundation

extension SitePlan {
    /// The search page, which carries the index's root, and the index: `search/index.json`, its
    /// term shards and entry chunks, `search/files.txt` with the hash of each, and
    /// `search/parts.txt` with each issue's part for the next build.
    ///
    /// A data file's key is made from its path and the hash of its text. When the index the last
    /// build left (`previous`) was made from the same inputs, its files are planned again with the
    /// keys it recorded, so the writer carries them all over and no issue is read for search: a
    /// rebuild with nothing changed, or after editing a draft, costs the index nothing. Otherwise
    /// the index is made here, to learn its files and their hashes, and the writer makes only the
    /// files whose text changed. Files are compressed only when written, through the
    /// ``SearchIndexBuilder``, which makes the index at most once.
    func searchFiles(previous: BuiltSearchIndex?) -> [OutputFile] {
        let context = context
        let builder = SearchIndexBuilder(context: context, previousOutput: previous?.output)
        let key = builder.key
        let index = previous.flatMap { $0.root.key == key.hex ? $0 : nil } ?? builder.files().built
        var pageKey = context.listingKey("search-page", [])
        pageKey.combine(key)
        var files = [
            OutputFile(path: "search/index.html", key: pageKey) {
                SearchPage(context: context, root: index.root).html()
            },
            OutputFile(path: SearchIndexRoot.path, key: StableHash("search-root", key.hex)) {
                [UInt8](index.root.json())
            },
            OutputFile(path: BuiltSearchIndex.hashesPath, key: StableHash("search-hashes", key.hex)) {
                index.hashesText()
            },
            OutputFile(path: SearchIndexParts.path, key: StableHash("search-parts", key.hex)) {
                .runs { write throws(POSIXError) in try builder.parts().write(inRuns: write) }
            },
        ]
        for path in index.root.dataPaths {
            files.append(
                OutputFile(path: path, key: StableHash("search-file", path, index.hashes[path] ?? "")) {
                    builder.files().contents(at: path) ?? []
                })
        }
        return files
    }
}
