import Foundation
import HeraldCore
import Testing

@testable import HeraldSite

/// The search index of the whole This Week in Rust archive: every entry's anchor exists, the
/// Polars entry of 2024-02-07 is there, and the index stays under a quarter of the site's HTML,
/// as stored and as the browser holds it inflated.
/// Skipped without the corpus, except in CI, where it fails.
@Suite(.enabled(if: TWiRCorpus.folder != nil || TWiRCorpus.isCI))
struct SearchCorpusTests {
    @Test func theArchivesIndexFindsEveryEntryOnItsPage() throws {
        let corpus = try #require(TWiRCorpus.folder, "the TWiR corpus is missing: set HERALD_SHARED or put shared/ beside the package")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("herald-search-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try SiteBuilder(newsletter: try NewsletterFolder(at: corpus), options: BuildOptions(output: output)).build()

        let entries = try SearchSiteTests.indexedEntries(in: output)
        #expect(entries.count > 40_000)
        let missing = try SearchSiteTests.missingAnchors(of: entries, in: output)
        #expect(missing.isEmpty, "\(missing.count) entries without an anchor, e.g. \(missing.prefix(5).map { "\($0.link)#\($0.anchor)" })")
        let polars = entries.first { $0.title == "Polars — Why we have rewritten the string data type" }
        #expect(polars?.link == "/blog/2024/02/07/this-week-in-rust-533/")
        #expect(polars?.section == "Updates from Rust Community")

        var html = 0
        var index = 0
        var uncompressed = 0
        var chunks: [UInt8] = []
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            let path = url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1)
            if path.hasSuffix(".html") { html += size }
            if path.hasPrefix("search/"), !path.hasSuffix(".html") {
                index += size
                if path.hasPrefix("search/entries/") {
                    chunks += try Data(contentsOf: url)
                } else {
                    uncompressed += size
                }
            }
        }
        let inflated = uncompressed + (try SearchFilesTests.gunzip(chunks).count)
        #expect(index * 4 < html, "the index is \(index) bytes, the HTML \(html)")
        #expect(inflated * 4 < html, "the index is \(inflated) bytes inflated, the HTML \(html)")
    }
}
