import Foundation
import HeraldCore
import HeraldMarkdown

/// Reads the published issues into the search index, once per build and only when a file of
/// the index has to be written.
///
/// The index depends on every published issue, so making it means reading them all (about as
/// long as rendering them). The plan hands the writer closures that ask this builder for their
/// file; when the index is unchanged, the writer carries every file over and the issues are
/// never read for search. When it changed, only the issues whose part the last build did not
/// leave (``SearchIndexParts``) are read: editing one issue reads one.
final class SearchIndexBuilder: @unchecked Sendable {
    let context: SiteContext
    /// ``key(for:)`` of the context.
    let key: StableHash
    /// The folder the last build wrote, whose parts are reused.
    private let previousOutput: URL?
    private let lock = NSLock()
    private var built: (files: SearchIndexFiles, parts: SearchIndexParts)?

    init(context: SiteContext, previousOutput: URL? = nil) {
        self.context = context
        self.key = SearchIndexBuilder.key(for: context)
        self.previousOutput = previousOutput
    }

    /// What the index is made from: the published issues (their text, addresses, titles and
    /// dates), the settings that change entries, links or terms, and the index format.
    static func key(for context: SiteContext) -> StableHash {
        var key = settings(of: context)
        for issue in context.published {
            key.combine(issue.listingHash)
            key.combine(issue.sourceHash)
        }
        return key
    }

    /// The index files, made on first use; callers on other threads wait for them.
    func files() -> SearchIndexFiles {
        build().files
    }

    /// Every published issue's part of the index, for the next build.
    func parts() -> SearchIndexParts {
        build().parts
    }

    private func build() -> (files: SearchIndexFiles, parts: SearchIndexParts) {
        lock.withLock {
            if let built { return built }
            let (index, keys) = makeIndex()
            let files = SearchIndexFiles(index: index, key: key.hex)
            var parts = SearchIndexParts(
                store: index.store, terms: index.terms,
                parts: Dictionary(zip(keys, index.parts), uniquingKeysWith: { first, _ in first }))
            parts.termOrder = files.termOrder
            let made = (files, parts)
            built = made
            return made
        }
    }

    /// What the index and each issue's part depend on besides the issues: the format, the
    /// site's address, and the settings that change entries, links or terms.
    private static func settings(of context: SiteContext) -> StableHash {
        var settings = StableHash("herald-search", String(SearchIndexRoot.currentFormat), context.links.basePath)
        settings.combine(context.configuration.siteFingerprint)
        settings.combine(context.configuration.search.stemsEnglish ? "stems-english" : "words")
        return settings
    }

    /// The issue's search documents, from the parse that renders its page. The introduction is
    /// read from the tree before the page's body is rendered, and the tree let go in the
    /// render (``SiteContext/model(of:readingDocument:)``): held to the end, a 50 MB issue's
    /// tree (280 MB) was there beside the index, the build's peak.
    private static func documents(of issue: SiteIssue, context: SiteContext) -> [SearchDocument] {
        var introduction: SearchDocument?
        let model = context.model(of: issue) { document in
            introduction = SearchDocument.introduction(of: document, firstLine: issue.file.bodyStartLine)
        }
        return SearchDocument.documents(in: model, introduction: introduction)
    }

    /// Takes each published issue's part from the last build when it has it, and reads the
    /// others on every core. Returns the index and each part's key in the index's order.
    private func makeIndex() -> (SearchIndex, [String]) {
        let context = context
        let issues = context.published
        let settings = SearchIndexBuilder.settings(of: context)
        let keys = issues.map { SearchIndexPart.key(sourceHash: $0.sourceHash, settings: settings).hex }
        var previous = previousOutput.flatMap(SearchIndexParts.read(in:))
        let carried = previous?.parts ?? [:]
        // Each issue read is made a store of its own on its core, its documents freed there: held
        // to the end as documents, a 50 MB issue's were there beside their copy in the store.
        var made = zip(issues, keys).map { ($0, $1) }.concurrentMap { issue, key -> SearchEntryStore? in
            guard carried[key] == nil else { return nil }
            var documents = SearchIndexBuilder.documents(of: issue, context: context)
            var part = SearchEntryStore()
            part.reserveCapacity(for: documents)
            for index in documents.indices {
                part.append(documents[index])
                // Its strings freed as soon as their bytes are in the store.
                documents[index] = SearchDocument(title: "", section: "", line: 0)
            }
            return part
        }
        // The last build's entries, taken out so that the new parts' entries are added to them in
        // place; the index adds the terms it finds the same way.
        var store = previous?.store ?? SearchEntryStore()
        let terms = previous?.terms ?? TermTable()
        previous = nil
        store.reserveCapacity(adding: made.lazy.compactMap { $0 })
        var parts: [Range<Int>] = []
        parts.reserveCapacity(issues.count)
        for (position, key) in keys.enumerated() {
            if let part = made[position] {
                made[position] = nil
                parts.append(store.append(contentsOf: part))
            } else {
                parts.append(carried[key] ?? 0..<0)
            }
        }
        let infos = issues.map { issue in
            let metadata = issue.metadata
            return SearchIndex.IssueInfo(
                link: context.links.link(to: issue.outputPath), number: metadata.number,
                date: metadata.date.description, title: metadata.title)
        }
        let index = SearchIndex(
            issues: infos, parts: parts, store: consume store, terms: terms,
            stems: context.configuration.search.stemsEnglish)
        return (index, keys)
    }
}
