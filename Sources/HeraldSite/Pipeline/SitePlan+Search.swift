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
    /// the index must be made to learn its files and their hashes, and the files are planned
    /// after it (``SearchFiles/afterIndexing(_:)``); the writer makes only the files whose text
    /// changed. Files are compressed only when written, through the ``SearchIndexBuilder``, which
    /// makes the index at most once.
    func searchFiles(previous: BuiltSearchIndex?) -> SearchFiles {
        let context = context
        let builder = SearchIndexBuilder(context: context, previousOutput: previous?.output)
        if let previous, previous.root.key == builder.key.hex {
            return .planned(SitePlan.searchFiles(of: previous, builder: builder))
        }
        return .afterIndexing { SitePlan.searchFiles(of: builder.files().built, builder: builder) }
    }

    /// The search files, planned at once or once the index is made.
    enum SearchFiles {
        case planned([OutputFile])
        case afterIndexing(@Sendable () -> [OutputFile])
    }

    /// The files of `index`, whose data files `builder` makes when they are written.
    private static func searchFiles(of index: BuiltSearchIndex, builder: SearchIndexBuilder) -> [OutputFile] {
        let context = builder.context
        let key = builder.key
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
