import Foundation
import Testing

@testable import HeraldSite

/// `herald build` writes the search page and the index, links every entry to its anchor, and
/// keeps rebuilds incremental.
@Suite struct SearchSiteTests {
    @Test func theSearchPageWorksWithoutJavaScriptAndIsTheOnlyOneWithAScript() throws {
        let site = try SiteFixture()
        try site.build()
        let page = try site.read("search/index.html")
        #expect(page.contains(#"<label for="search-input">"#))
        #expect(page.contains(#"<input id="search-input" name="q" type="search""#))
        #expect(page.contains(#"action="https://duckduckgo.com/""#))
        #expect(page.contains(#"name="sites" value="this-week-in-quill.example""#))
        #expect(page.contains(#"<ol id="search-results""#))
        #expect(page.contains(#"<a href="/archive/">every issue in the archive</a>"#))
        #expect(page.contains(#"<script src="/theme/search.js" defer></script>"#))
        let root = try #require(SearchIndexRoot.read(in: site.output))
        let carried = try #require(
            page.firstRange(of: #"data-search-root=""#).map { page[$0.upperBound...].prefix { $0 != "\"" } })
        let unescaped = carried.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
            of: "&amp;", with: "&")
        #expect(
            try JSONDecoder().decode(SearchIndexRoot.self, from: Data(unescaped.utf8)) == root,
            "the form carries the index's root")
        #expect(site.exists("theme/search.js"))
        for other in ["index.html", "issues/44/index.html", "archive/index.html", "latest/index.html"] {
            let html = try site.read(other)
            #expect(!html.contains("<script"), "\(other) loads a script")
            #expect(html.contains(#"<a href="/search/">Search</a>"#))
        }
    }

    @Test func everyIndexedEntryLinksToAnAnchorOnItsIssuePage() throws {
        let site = try SiteFixture()
        try site.build(drafts: true)
        let entries = try SearchSiteTests.indexedEntries(in: site.output)
        #expect(entries.count > 100)
        #expect(try SearchSiteTests.missingAnchors(of: entries, in: site.output).isEmpty)
        #expect(entries.contains { $0.link == "/issues/44/" && $0.anchor == "L43" && $0.title == "sundial" })
        #expect(!entries.contains { $0.link == "/issues/46/" }, "drafts are not searchable")
        let root = try #require(SearchIndexRoot.read(in: site.output))
        #expect(root.entries == entries.count)
        #expect(root.stopWords.contains("the"))
    }

    @Test func theIndexIsRewrittenOnlyWhenAPublishedIssueChanges() throws {
        let site = try SiteFixture()
        try site.build(drafts: true)
        let root = try #require(SearchIndexRoot.read(in: site.output))
        let unchanged = try site.build(drafts: true)
        #expect(!unchanged.written.contains { $0.hasPrefix("search/") })

        let path = "content/2025-03-26-this-week-in-quill.md"
        let original = try String(contentsOf: site.newsletter.appendingPathComponent(path), encoding: .utf8)
        try site.write(
            original.replacingOccurrences(of: "a date and time library", with: "a calendar library"), to: path)
        let edited = try site.build(drafts: true)
        let search = edited.written.filter { $0.hasPrefix("search/") }
        #expect(Set(search).isSuperset(of: [BuiltSearchIndex.hashesPath, SearchIndexRoot.path, "search/terms/0.txt"]))
        #expect(
            search.filter { $0.hasPrefix("search/entries/") }.count == 1,
            "only the chunk with the edited entry: \(search)")
        let newRoot = try #require(SearchIndexRoot.read(in: site.output))
        #expect(newRoot.key != root.key)
        #expect(
            try SearchSiteTests.indexedEntries(in: site.output).contains { $0.detail.hasPrefix("a calendar library") })
        let again = try site.build(drafts: true)
        #expect(again.written.isEmpty)
    }

    @Test func aRebuildAfterAnEditMakesTheIndexACleanBuildMakes() throws {
        let site = try SiteFixture()
        try site.build()
        try site.editPublishedIssue()
        try site.build()
        let rebuilt = try site.snapshot().filter { $0.key.hasPrefix("search/") }
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        #expect(try site.snapshot().filter { $0.key.hasPrefix("search/") } == rebuilt)
    }

    @Test func onlyTheEditedIssueIsReadAgainForTheIndex() throws {
        let site = try SiteFixture()
        try site.build()
        // A mark put into the part the last build left for issue 43, which is not edited: the
        // index shows it only if that part is reused rather than the issue read again.
        let partsURL = site.output.appendingPathComponent(SearchIndexParts.path)
        let read = try #require(SearchIndexParts.read(in: site.output))
        let title = "The 2025 community survey is open"
        var marked: [String: SearchIndexPart] = [:]
        for key in read.parts.keys {
            var part = try #require(read.part(key))
            for index in part.entries.indices where part.entries[index].document.title == title {
                part.entries[index].document.title += " (kept)"
            }
            marked[key] = part
        }
        #expect(marked.values.contains { $0.entries.contains { $0.document.title == "\(title) (kept)" } })
        try Data(SearchIndexParts(parts: marked, terms: read.terms).bytes()).write(to: partsURL)
        try site.editPublishedIssue()
        let report = try site.build()
        #expect(report.written.contains(SearchIndexParts.path))
        let entries = try SearchSiteTests.indexedEntries(in: site.output)
        #expect(entries.contains { $0.title == "\(title) (kept)" })
        #expect(entries.contains { $0.detail.hasPrefix("a calendar library") })
        // A parts file that cannot be read is ignored: every issue is read again.
        try Data("herald-search-parts \(SearchIndexParts.currentFormat)\n".utf8 + [9, 9]).write(to: partsURL)
        try site.write("Edited again.\n", appendingTo: "content/2025-03-26-this-week-in-quill.md")
        try site.build()
        #expect(try SearchSiteTests.indexedEntries(in: site.output).contains { $0.title == title })
    }

    @Test func indexFilesMissingFromTheOutputAreMadeAgain() throws {
        let site = try SiteFixture()
        try site.build()
        let before = try site.snapshot()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(SearchIndexRoot.path))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("search/entries/1.bin"))
        let report = try site.build()
        #expect(Set(report.written) == [SearchIndexRoot.path, "search/entries/1.bin"])
        #expect(try site.snapshot() == before)
    }

    @Test("an outsized issue's page, feeds and index hold every part, its body rendered beside the index")
    func anOutsizedIssueIsBuiltWhole() throws {
        let site = try SiteFixture()
        let count = 2_600
        let parts = (0..<count).map { "# Part \($0)\n\nA [quill post \($0)](https://example.org/\($0)) about ink.\n" }
        try site.write(parts.joined(separator: "\n"), appendingTo: "content/2025-03-26-this-week-in-quill.md")
        try site.build()
        let page = try site.read("issues/44/index.html")
        for index in [0, count / 2, count - 1] {
            #expect(page.contains(#">quill post \#(index)</a>"#), "part \(index) on the page")
        }
        #expect(try site.read("atom.xml").contains("quill post \(count - 1)"))
        let entries = try SearchSiteTests.indexedEntries(in: site.output).filter { $0.link == "/issues/44/" }
        let titles = Set(entries.map(\.title))
        let missing = (0..<count).filter { !titles.contains("A quill post \($0) about ink.") }
        #expect(missing.isEmpty, "\(missing.count) parts not indexed, the first \(missing.first ?? 0)")
        #expect(try SearchSiteTests.missingAnchors(of: entries, in: site.output).isEmpty)
    }

    // MARK: Helpers

    struct IndexedEntry {
        var link: String
        var anchor: String
        var title: String
        var detail: String
        var section: String
    }

    /// Every entry of the index in `output`, read from its entry chunks.
    static func indexedEntries(in output: URL) throws -> [IndexedEntry] {
        let root = try #require(SearchIndexRoot.read(in: output))
        var compressed: [UInt8] = []
        for number in 0..<root.chunkCount {
            compressed += try Data(contentsOf: output.appendingPathComponent(SearchIndexRoot.entryChunkPath(number)))
        }
        let text = String(decoding: try SearchFilesTests.gunzip(compressed), as: UTF8.self)
        var entries: [IndexedEntry] = []
        var link = ""
        var section = ""
        var line = 0
        for row in text.split(separator: "\n") {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if row.hasPrefix("@") {
                link = String(fields[0].dropFirst())
                line = 0
            } else if row.hasPrefix("#") {
                section = root.sections[try #require(Int(row.dropFirst()))]
            } else {
                try #require(fields.count >= 2, "an entry without a title: \(row)")
                line += fields[0].isEmpty ? 1 : try #require(Int(fields[0]))
                entries.append(
                    IndexedEntry(
                        link: link, anchor: "L\(line)", title: fields[1], detail: fields.count > 2 ? fields[2] : "",
                        section: section))
            }
        }
        return entries
    }

    /// The entries whose issue page has no element with their anchor as id.
    static func missingAnchors(of entries: [IndexedEntry], in output: URL) throws -> [IndexedEntry] {
        var ids: [String: Set<String>] = [:]
        var missing: [IndexedEntry] = []
        for entry in entries {
            if ids[entry.link] == nil {
                let page = output.appendingPathComponent(String(entry.link.dropFirst())).appendingPathComponent(
                    "index.html")
                ids[entry.link] = LinkChecker.ids(in: try String(contentsOf: page, encoding: .utf8))
            }
            if ids[entry.link]?.contains(entry.anchor) != true { missing.append(entry) }
        }
        return missing
    }
}

extension SiteFixture {
    /// Rewords an entry of the newest published issue, as an editor fixing a typo would.
    fileprivate func editPublishedIssue() throws {
        let path = "content/2025-03-26-this-week-in-quill.md"
        let original = try String(contentsOf: newsletter.appendingPathComponent(path), encoding: .utf8)
        try write(original.replacingOccurrences(of: "a date and time library", with: "a calendar library"), to: path)
    }

    fileprivate func write(_ text: String, appendingTo path: String) throws {
        let original = try String(contentsOf: newsletter.appendingPathComponent(path), encoding: .utf8)
        try write(original + text, to: path)
    }
}
