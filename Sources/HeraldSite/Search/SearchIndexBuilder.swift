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
            let (index, keys, previous) = makeIndex()
            let parts = SearchIndexParts(
                parts: Dictionary(zip(keys, index.parts), uniquingKeysWith: { first, _ in first }), terms: index.terms,
                carryingLinesFrom: previous)
            let made = (SearchIndexFiles(index: index, key: key.hex), parts)
            // Its entries and postings are freed beside the writing that follows: freed here,
            // they held the build's only busy core for a hundredth of a cold build.
            BackgroundRelease.release(consume index)
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
    /// others on every core. Returns the index, each part's key in the index's order, and the
    /// last build's parts.
    private func makeIndex() -> (SearchIndex, [String], SearchIndexParts?) {
        let context = context
        let issues = context.published
        let settings = SearchIndexBuilder.settings(of: context)
        let keys = issues.map { SearchIndexPart.key(sourceHash: $0.sourceHash, settings: settings).hex }
        let previousParts = previousOutput.flatMap(SearchIndexParts.read(in:))
        let previous = previousParts?.parts ?? [:]
        // One array holds the parts, handed over to the index, which adds the new parts' terms
        // in place.
        let parts = zip(issues, keys).map { ($0, $1) }.concurrentMap { issue, key in
            let metadata = issue.metadata
            let info = SearchIndex.IssueInfo(
                link: context.links.link(to: issue.outputPath), number: metadata.number,
                date: metadata.date.description, title: metadata.title)
            let part =
                previous[key] ?? SearchIndexPart(documents: SearchIndexBuilder.documents(of: issue, context: context))
            return (info: info, part: part)
        }
        let index = SearchIndex(
            parts: parts, terms: previousParts?.terms ?? TermTable(), stems: context.configuration.search.stemsEnglish)
        return (index, keys, previousParts)
    }
}
