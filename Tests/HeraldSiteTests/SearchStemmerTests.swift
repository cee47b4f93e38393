import Foundation
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// The English stemmer, and its port in the search script: each pair below is worked out by hand
/// from the Porter2 rules (the comment says which rule decides it).
@Suite struct SearchStemmerTests {
    static let stems: [(word: String, stem: String)] = [
        ("teaching", "teach"),  // step 1b: "ing" after a vowel dropped
        ("teaches", "teach"),  // step 1a drops "s", step 5 the "e" in R1 after "ch" (no short syllable)
        ("teach", "teach"),
        ("generously", "generous"),  // R1 after "gener"; 1c "y" → "i", step 2 "ousli" → "ous"
        ("running", "run"),  // step 1b, then the double "nn" loses one
        ("abilities", "abil"),  // 1a "ies" → "i"; "biliti" starts before R1, so step 4 drops "iti"
        ("news", "news"),  // exception
        ("skies", "sky"),  // exception
        ("dying", "die"),  // exception
        ("inning", "inning"),  // kept after step 1a
        ("cries", "cri"),  // 1a "ies" after two letters → "i"
        ("ties", "tie"),  // 1a "ies" after one letter → "ie"
        ("gaps", "gap"),  // 1a: a vowel before "p"
        ("gas", "gas"),  // 1a: the only vowel is just before "s"
        ("caresses", "caress"),  // 1a "sses" → "ss"
        ("hoped", "hope"),  // 1b: "hop" is short, so it gains an "e"
        ("hopping", "hop"),  // 1b: a double loses one
        ("agreed", "agre"),  // 1b "eed" in R1 → "ee"; step 5 drops the "e" in R1
        ("feed", "feed"),  // 1b: "eed" is not in R1, and "ed" is not tried
        ("national", "nation"),  // "ational" starts before R1; step 4 drops "al" in R2
        ("relational", "relat"),  // step 2 "ational" → "ate"; step 5 drops the "e" in R2
        ("compilers", "compil"),  // step 4 "er" in R2
        ("compiling", "compil"),
        ("happy", "happi"),  // 1c
        ("say", "say"),  // "y" after a vowel is a consonant
        ("crying", "cri"),  // 1b, then 1c
        ("yearly", "year"),  // step 2 "li" after "r"
        ("hopefully", "hope"),  // step 2 "fulli" → "ful", step 3 drops "ful"
        ("conditional", "condit"),  // step 2 "tional" → "tion", step 4 "ion" after "t"
        ("generalizations", "general"),  // step 2 "ization" → "ize", step 4 "ize" in R2
        ("async", "async"),
        ("by", "by"),  // two letters are left alone
        ("rust2", "rust2"),  // not all letters: left alone
        ("krakow", "krakow"),
    ]

    @Test func wordsHaveTheirPorter2Stems() {
        for (word, stem) in SearchStemmerTests.stems {
            #expect(EnglishStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func theIndexHoldsStemsAndAQueryForAnotherFormFindsThem() {
        let info = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let documents = [
            SearchDocument(title: "How I teach Rust", detail: "generously shared", section: "News", line: 3)
        ]
        let stemmed = SearchIndex(issues: [(info, documents)], stems: true)
        #expect(stemmed.postings(of: "teach") == [SearchIndex.inTitle])
        #expect(stemmed.postings(of: "generous") == [0])
        #expect(stemmed.postings(of: "generously") == nil)
        #expect(stemmed.postings(of: EnglishStemmer.stem("teaching")) != nil)
        let words = SearchIndex(issues: [(info, documents)], stems: false)
        #expect(words.postings(of: "generously") == [0])
        #expect(words.postings(of: "generous") == nil)
    }

    @Test func theSearchLanguageDecidesWhetherTermsAreStems() throws {
        let site = try SiteFixture()
        try site.build()
        #expect(SearchIndexRoot.read(in: site.output)?.stemming == "english")
        let configuration = try #require(site.files.configuration)
        try site.write(configuration + "\n[search]\nlanguage = \"de\"\n", to: "herald.toml")
        try site.build()
        let root = try #require(SearchIndexRoot.read(in: site.output))
        #expect(root.stemming == nil, "a German site's index holds words as written")
        let shards = try root.shards.indices.map { try site.read(SearchIndexRoot.termShardPath($0)) }
        let terms = Set(shards.flatMap(SearchIndexTests.terms(inShard:)))
        #expect(terms.contains("measuring") && !terms.contains("measur"), "words are indexed as written")
    }

    @Test func aSearchLanguageThatIsNoTagIsReportedWithItsLine() throws {
        #expect(try NewsletterConfiguration(toml: "[search]\nlanguage = \"en-GB\"\n").search.stemsEnglish)
        #expect(try !NewsletterConfiguration(toml: "[search]\nlanguage = \"fr\"\n").search.stemsEnglish)
        #expect(NewsletterConfiguration().search.language == "en")
        do {
            _ = try NewsletterConfiguration(toml: "[search]\nlanguage = \"english please\"\n", file: "herald.toml")
            Testing.Issue.record("an invalid language tag was accepted")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.file == "herald.toml")
            #expect(problem.location?.line == 2)
            #expect(problem.message.contains("'english please' is not a language tag"))
        }
    }

    /// The script's stemmer, run by node on the table's words and on every term of the example
    /// issues, gives the Swift stemmer's stems.
    @Test func theScriptStemsAsTheIndexDoes() throws {
        guard let node = SearchStemmerTests.executable("node") else {
            try #require(!SharedFolder.isCI, "node is needed in CI (.ci/run installs it)")
            print("note: node is not installed; the script's stemmer is not compared")
            return
        }
        var words = Set(SearchStemmerTests.stems.map(\.word))
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/this-week-in-quill/content").standardized
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
            words.formUnion(SearchText.terms(in: text))
        }
        let sorted = words.sorted()
        let script =
            DefaultTheme.searchStemmerScript
            + "for (const word of require('fs').readFileSync(0, 'utf8').split('\\n').filter(Boolean)) "
            + "console.log(stem(word));\n"
        let output = try SearchStemmerTests.run(node, script: script, input: sorted.joined(separator: "\n") + "\n")
        let scriptStems = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(scriptStems.count == sorted.count)
        for (word, scriptStem) in zip(sorted, scriptStems) {
            #expect(scriptStem == EnglishStemmer.stem(word), "\(word)")
        }
        #expect(sorted.count > 300, "the example issues give a few hundred words")
    }

    static func executable(_ name: String) -> URL? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `script` with node, `input` on its standard input, and returns its standard output.
    static func run(_ node: URL, script: String, input: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-stem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("stem.js")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let result = try TestProcess.run(node, [file.path], standardInput: Data(input.utf8))
        try #require(result.status == 0, "node failed on the stemmer script: \(result.standardError)")
        return result.standardOutput
    }
}
