import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// The search index of the whole This Week in Rust archive: every entry's anchor exists, the
/// Polars entry of 2024-02-07 is there, "teaching" finds entries that say "teach", a quote is
/// found by a word of its text, and the index stays under a quarter of the site's HTML, as
/// stored and as the browser holds it inflated.
/// Skipped without the corpus, except in CI, where it fails.
@Suite(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
struct SearchCorpusTests {
    @Test func theArchivesIndexFindsEveryEntryOnItsPage() throws {
        let corpus = try #require(
            SharedFolder.twirCorpus, "the TWiR corpus is missing: set HERALD_SHARED or put shared/ beside the package")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-search-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try SiteBuilder(newsletter: try NewsletterFolder(at: corpus), options: BuildOptions(output: output)).build()

        let entries = try SearchSiteTests.indexedEntries(in: output)
        #expect(entries.count > 40_000)
        let missing = try SearchSiteTests.missingAnchors(of: entries, in: output)
        #expect(
            missing.isEmpty,
            "\(missing.count) entries without an anchor, e.g. \(missing.prefix(5).map { "\($0.link)#\($0.anchor)" })")
        let polars = entries.first { $0.title == "Polars — Why we have rewritten the string data type" }
        #expect(polars?.link == "/blog/2024/02/07/this-week-in-rust-533/")
        #expect(polars?.section == "Updates from Rust Community")

        // Word forms and prose: "teaching" (stemmed to "teach") finds the entries that say "teach",
        // and a quote of the week is found by a word of its text.
        let teach = try SearchCorpusTests.entries(of: EnglishStemmer.stem("teaching"), in: output).map { entries[$0] }
        #expect(teach.contains { SearchText.terms(in: $0.title).contains("teach") })
        #expect(teach.contains { SearchText.terms(in: $0.title).contains("teaching") })
        let malicious = try SearchCorpusTests.entries(of: EnglishStemmer.stem("malicious"), in: output)
            .map { entries[$0] }
        #expect(malicious.contains { $0.section == "Quote of the Week" && $0.title == "Al Williams on hackaday" })

        var html = 0
        var index = 0
        var uncompressed = 0
        var chunks: [UInt8] = []
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            let path = url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1)
            if path.hasSuffix(".html") { html += size }
            // `parts.txt` is the next build's, never fetched by the page.
            if path.hasPrefix("search/"), !path.hasSuffix(".html"), path != SearchIndexParts.path {
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

    /// The numbers of the entries `term` occurs in, read from the index's term shards as the
    /// script reads them.
    static func entries(of term: String, in output: URL) throws -> [Int] {
        let root = try #require(SearchIndexRoot.read(in: output))
        let number = SearchIndexTests.shard(of: term, in: root.shards)
        let path = output.appendingPathComponent(SearchIndexRoot.termShardPath(number))
        let shard = try String(contentsOf: path, encoding: .utf8)
        let lines = shard.split(separator: "\n")
        let terms = SearchIndexTests.terms(inShard: shard)
        let line = try #require(terms.firstIndex(of: term).map { lines[$0] }, "no term '\(term)'")
        let postings = line[line.index(after: try #require(line.firstIndex(of: " ")))...]
        return SearchIndexTests.decode(String(postings)).map { $0 / 4 }
    }
}
