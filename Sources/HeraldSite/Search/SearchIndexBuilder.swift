import Foundation
import HeraldCore
import HeraldMarkdown

/// Reads the published issues into the search index, once per build and only when a file of
/// the index has to be written.
///
/// The index depends on every published issue, so making it means reading them all (about as
/// long as rendering them). The plan hands the writer closures that ask this builder for their
/// file; when the index is unchanged, the writer carries every file over and the issues are
/// never read for search.
final class SearchIndexBuilder: @unchecked Sendable {
    let context: SiteContext
    /// ``key(for:)`` of the context.
    let key: StableHash
    private let lock = NSLock()
    private var built: SearchIndexFiles?

    init(context: SiteContext) {
        self.context = context
        self.key = SearchIndexBuilder.key(for: context)
    }

    /// What the index is made from: the published issues (their text, addresses, titles and
    /// dates), the settings that change entries, links or terms, and the index format.
    static func key(for context: SiteContext) -> StableHash {
        var key = StableHash("herald-search", String(SearchIndexRoot.currentFormat), context.links.basePath)
        key.combine(context.configuration.siteFingerprint)
        key.combine(context.configuration.search.stemsEnglish ? "stems-english" : "words")
        for issue in context.published {
            key.combine(issue.listingHash)
            key.combine(issue.sourceHash)
        }
        return key
    }

    /// The index files, made on first use; callers on other threads wait for them.
    func files() -> SearchIndexFiles {
        lock.withLock {
            if let built { return built }
            let files = SearchIndexFiles(index: makeIndex(), key: key.hex)
            built = files
            return files
        }
    }

    /// Reads each published issue's entries on every core.
    private func makeIndex() -> SearchIndex {
        let context = context
        let issues = context.published
        let documents = issues.concurrentMap { issue in
            let (model, document) = context.model(of: issue)
            let introduction = SearchDocument.introduction(of: document, firstLine: issue.file.bodyStartLine)
            return SearchDocument.documents(in: model, introduction: introduction)
        }
        return SearchIndex(
            issues: zip(issues, documents).map { issue, documents in
                let metadata = issue.metadata
                let info = SearchIndex.IssueInfo(
                    link: context.links.link(to: issue.outputPath), number: metadata.number,
                    date: metadata.date.description,
                    title: metadata.title)
                return (info, documents)
            }, stems: context.configuration.search.stemsEnglish)
    }
}
