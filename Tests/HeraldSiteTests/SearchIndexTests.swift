import Foundation
import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldSite

/// The index builder: which entries are indexed, how terms are folded, how postings, shards and
/// chunks are written.
@Suite struct SearchIndexTests {
    @Test func termsAreFoldedForCaseAndAccents() {
        #expect(
            SearchText.terms(in: "Kraków, ÉCOLE & rust-analyzer's 1.75") == [
                "krakow", "ecole", "rust", "analyzer", "s", "1", "75",
            ])
        #expect(SearchText.terms(in: "Straße ΟΔΥΣΣΕΥΣ naïve") == ["straße", "οδυσσευσ", "naive"])
    }

    /// A document's terms: stop words left out, stems, each once, the title's first and in the
    /// order of their text; the detail keeps only what the title lacks.
    @Test func aDocumentsTermsAreItsDistinctStemsWithoutStopWords() {
        var finder = TermFinder(stems: true)
        let document = SearchDocument(
            title: "The Rust Book and the Reference", detail: "Reading the book: teaches Rust, taught by teaching",
            section: "Updates", line: 3)
        let terms = finder.terms(of: document)
        let words = (
            title: terms.title.map { finder.terms[Int($0)] }, detail: terms.detail.map { finder.terms[Int($0)] }
        )
        #expect(words.title == ["book", "refer", "rust"])
        #expect(words.detail == ["read", "taught", "teach"])
        var plain = TermFinder(stems: false)
        let unstemmed = plain.terms(of: document)
        #expect(unstemmed.detail.map { plain.terms[Int($0)] } == ["reading", "taught", "teaches", "teaching"])
        // A second document starts afresh: its title may repeat the first one's words.
        let second = finder.terms(of: SearchDocument(title: "Rust Reference", section: "Updates", line: 9))
        #expect(second.title.map { finder.terms[Int($0)] } == ["refer", "rust"])
        #expect(second.detail.isEmpty)
    }

    /// Text is split at ASCII punctuation before it is folded, so a word with an accent or a
    /// mark folds as it would in the whole text, and mixed text gives the terms of either kind.
    @Test func mixedTextIsSplitAsWholeTextWouldBe() {
        let texts = [
            "Café ’quoted’ Kraków—naïve e\u{301}cole", "ΣΊΣΥΦΟΣ rust-analyzer’s 1.75…", "x\u{301}y z \u{301}a",
            "İstanbul K ﬁ 日本語Rust", "tokio, async; 杭州—Rust",
        ]
        for text in texts {
            #expect(SearchText.terms(in: text) == SearchText.unicodeTerms(in: text), "\(text)")
        }
    }

    /// Chinese and Japanese put no spaces between words, so each ideograph and kana is a term:
    /// `杭州` is then found inside `在杭州举行`. Hangul keeps its words, which spaces separate.
    @Test func ideographsAndKanaAreTermsOfTheirOwn() {
        #expect(SearchText.terms(in: "日本語 Rust") == ["日", "本", "語", "rust"])
        #expect(SearchText.terms(in: "在杭州举行（2025）") == ["在", "杭", "州", "举", "行", "2025"])
        #expect(SearchText.terms(in: "カタカナ・ガイド") == ["カ", "タ", "カ", "ナ", "カ", "イ", "ト"])
        #expect(SearchText.terms(in: "한국어 검색") == ["한국어", "검색"])
    }

    @Test func theExampleIssuesEntriesAreIndexedWithTheirSectionsAndLines() throws {
        let documents = try SearchIndexTests.documents(ofExampleIssue: "2025-03-26-this-week-in-quill.md")
        let crate = try #require(documents.first { $0.title == "sundial" })
        #expect(crate.section == "Feather of the Week")
        #expect(crate.line == 43)
        #expect(crate.detail == "a date and time library that refuses to guess your time zone")
        let link = try #require(documents.first { $0.title.hasPrefix("Pattern guards are stable") })
        #expect(link.section == "Updates from the Quill Community")
        #expect(link.line == 14)
        let quote = try #require(documents.first { $0.section == "Quote of the Week" })
        #expect(quote.title == "Pelin Kaya on her blog")
        #expect(quote.detail.hasPrefix("I came for the speed"))
        let event = try #require(documents.first { $0.title == "Spotkanie kwietniowe" })
        #expect(event.detail == "2025-04-08 · Kraków, PL · Quill Kraków")
        #expect(event.repeatKey != nil)
        #expect(
            documents.contains { $0.title == "QEP 35: named arguments with defaults" && $0.section == "Approved QEPs" })
        #expect(documents.contains { $0.title == "Allow publishing feathers without a licence field" })
        let job = try #require(documents.first { $0.title == "Backend engineer, build tooling (Remote, EU)" })
        #expect(job.detail == "Harbourlights")
        #expect(job.repeatKey != nil, "a job carried to the next issue is a result once")
        #expect(!documents.contains { $0.section == "Editors" || $0.section == "Compiler Performance Triage" })
        #expect(documents.map(\.line) == documents.map(\.line).sorted())
    }

    @Test func anEventCarriedToTheNextIssueIsIndexedOnceInTheNewest() {
        let event = { (line: Int) in
            SearchDocument(
                title: "Hack and Learn", detail: "2025-04-03", section: "Upcoming Events", line: line, repeatKey: "hack"
            )
        }
        let older = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let newer = SearchIndex.IssueInfo(link: "/2/", number: 2, date: "2025-04-02", title: "Two")
        let index = SearchIndex(issues: [
            (older, [event(10), SearchDocument(title: "Older news", section: "News", line: 5)]),
            (newer, [event(20)]),
        ])
        #expect(index.entries.map(\.document.title) == ["Older news", "Hack and Learn"])
        #expect(index.entries.last?.issue == 1)
        #expect(index.postings(of: "hack") == [1 * 4 + SearchIndex.inTitle])
        #expect(index.postings(of: "older") == [0 * 4 + SearchIndex.inTitle])
    }

    @Test func aTitleOfOneTermIsFlaggedAsWhole() {
        let info = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let index = SearchIndex(
            issues: [
                (
                    info,
                    [
                        SearchDocument(
                            title: "The serde", detail: "serialization", section: "Crate of the Week", line: 3),
                        SearchDocument(title: "Why serde is fast", section: "News", line: 9),
                    ]
                )
            ], stems: false)
        #expect(index.postings(of: "serde") == [SearchIndex.inTitle | SearchIndex.wholeTitle, 4 + SearchIndex.inTitle])
        #expect(index.postings(of: "serialization") == [0])
    }

    @Test func aQuoteIsSearchedByEveryWordAndKeepsItsBeginningForExcerpts() {
        let words = (1...200).map { "word\($0)" }.joined(separator: " ")
        let quote = SearchDocument.prose(
            title: "Ferris", text: words + " endword", section: "Quote of the Week", line: 4)
        #expect(quote.detail.count <= SearchDocument.maximumProseLength + 1)
        #expect(quote.detail.hasPrefix("word1 word2 ") && quote.detail.hasSuffix("…"))
        let info = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let index = SearchIndex(issues: [(info, [quote])])
        #expect(index.postings(of: "endword") == [0], "a word past the kept text is indexed")
        #expect(index.postings(of: "ferri") == [SearchIndex.inTitle | SearchIndex.wholeTitle])
    }

    @Test func theIntroductionIsAnEntryAndTheSameWelcomeIsIndexedOnce() throws {
        let file = SiteFixture.example.appendingPathComponent("content/2025-03-26-this-week-in-quill.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let body = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        let introduction = try #require(
            SearchDocument.introduction(of: MarkdownDocument(parsing: body, options: .gfm), firstLine: 6))
        #expect(introduction.line == 6)
        #expect(introduction.section == SearchDocument.introductionSection)
        #expect(introduction.detail.hasPrefix("Hello and welcome to issue 44 of This Week in Quill! Quill is a small"))
        #expect(introduction.detail.contains("Want something mentioned? Open a pull request."))
        let headed = MarkdownDocument(parsing: "# Heading\n\nText.\n", options: .gfm)
        #expect(SearchDocument.introduction(of: headed, firstLine: 1) == nil)
        let welcome = { (line: Int) in
            let document = MarkdownDocument(parsing: "Welcome *again*.\n", options: .gfm)
            return SearchDocument.introduction(of: document, firstLine: line)!
        }
        let older = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let newer = SearchIndex.IssueInfo(link: "/2/", number: 2, date: "2025-04-02", title: "Two")
        let index = SearchIndex(issues: [(older, [welcome(5)]), (newer, [welcome(7)])])
        #expect(index.entries.map(\.issue) == [1])
        #expect(index.entries.first?.document.detail == "Welcome again.")
    }

    @Test func ofAnEntryRepeatedWithinTheNewestIssueTheFirstIsKept() {
        let job = { (line: Int, place: String) in
            SearchDocument(title: "Engineer", detail: place, section: "Jobs", line: line, repeatKey: "Jobs/Engineer")
        }
        let older = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let newer = SearchIndex.IssueInfo(link: "/2/", number: 2, date: "2025-04-02", title: "Two")
        let index = SearchIndex(issues: [
            (older, [job(3, "Lisbon")]), (newer, [job(4, "London"), job(9, "Milan")]),
        ])
        #expect(index.entries.map(\.document.detail) == ["London"])
        #expect(index.store.entry(index.parts[0].lowerBound).terms == nil, "a repeated entry's terms are never found")
        #expect(index.store.entry(index.parts[1].lowerBound).terms?.detail.map { index.terms[$0] } == ["london"])
    }

    /// Terms are sorted as JavaScript compares strings, by UTF-16 units, from their UTF-8 bytes:
    /// a character beyond U+FFFF (a surrogate pair) comes before one from U+E000 to U+FFFF.
    @Test func termsAreSortedInUTF16OrderFromTheirBytes() {
        let terms = [
            "", "a", "ab", "b", "z", "é", "ő", "中", "中文", "\u{E000}", "\u{FF41}", "\u{FFFD}", "𝔘", "𝔘x", "😀",
            "\u{D7FF}", "\u{10FFFF}", "a\u{FF41}", "a😀",
        ]
        for first in terms {
            for second in terms {
                let bytes = (Array(first.utf8), Array(second.utf8))
                let precedes = bytes.0.withUnsafeBufferPointer { a in
                    bytes.1.withUnsafeBufferPointer { b in SearchIndexFiles.precedesInUTF16(a, b) }
                }
                #expect(precedes == first.utf16.lexicographicallyPrecedes(second.utf16), "\(first) < \(second)")
            }
        }
    }

    /// A shard's lines share whole characters with the line before, counted in UTF-16 units: a
    /// character beyond U+FFFF counts two, and is shared whole or not at all.
    @Test func termsBeyondTheBasicPlaneShareWholeCharacters() {
        let info = SearchIndex.IssueInfo(link: "/1/", number: 1, date: "2025-03-26", title: "One")
        let titles = ["𝔘𝔘𝔘𝔘𝔘𝔘𝔘𝔘a", "𝔘𝔘𝔘𝔘𝔘𝔘𝔘𝔘b", "𝔘𝔘x", "𝔘𝔘y"]
        let index = SearchIndex(
            issues: [(info, titles.enumerated().map { SearchDocument(title: $1, section: "S", line: $0 + 1) })],
            stems: false)
        let files = SearchIndexFiles(index: index, key: "k")
        let shard = String(decoding: files.termShards[0], as: UTF8.self)
        #expect(SearchIndexTests.terms(inShard: shard) == ["𝔘𝔘x", "𝔘𝔘y", "𝔘𝔘𝔘𝔘𝔘𝔘𝔘𝔘a", "𝔘𝔘𝔘𝔘𝔘𝔘𝔘𝔘b"])
        let prefixes = shard.split(separator: "\n").map { Int($0.utf8.first! - UInt8(ascii: "!")) }
        #expect(prefixes == [0, 4, 4, 14], "at most 14 units: seven of the eight 𝔘 of the last")
    }

    @Test func postingsAreTitleThenDetailDeltasInTwoAlphabets() {
        // Entry 0 in a title, 5 as a whole title, 40 in a detail: title distances 0 and 5 (× 2,
        // + 1 for the whole title), then the detail's 40.
        #expect(SearchIndexFiles.encode([1, 5 * 4 + 3, 40 * 4]) == "!, I")
        #expect(SearchIndexFiles.encode([47 * 4]) == " Q!")
        var postings: [Int] = []
        var number = 0
        for step in [0, 1, 7, 300, 2, 40_000, 1, 3, 110_000] {
            number += step
            postings.append(number * 4 + [0, 1, 3][step % 3])
        }
        #expect(SearchIndexTests.decode(SearchIndexFiles.encode(postings)) == postings)
    }

    @Test func shardsHoldConsecutiveTermsAndChunksHoldTheirIssues() throws {
        var issues: [(info: SearchIndex.IssueInfo, documents: [SearchDocument])] = []
        for number in 1...30 {
            let info = SearchIndex.IssueInfo(
                link: "/issues/\(number)/", number: number == 7 ? nil : number,
                date: "2025-01-\(number < 10 ? "0" : "")\(number)",
                title: "Issue \(number)")
            let documents = (0..<40).map { entry in
                SearchDocument(
                    title: "Entry \(number)x\(entry) about topic\(entry % 13) and crate\(number * 40 + entry)",
                    section: "News \(entry % 3)",
                    line: 10 + entry)
            }
            issues.append((info, documents))
        }
        let index = SearchIndex(issues: issues)
        let files = SearchIndexFiles(index: index, key: "k")
        let termShards = files.termShards.map { String(decoding: $0, as: UTF8.self) }
        let entryChunks = files.entryChunks.map { String(decoding: $0, as: UTF8.self) }
        #expect(files.termShards.count > 1)
        #expect(files.root.shards.count == files.termShards.count)
        #expect(files.root.entries == 1_200)
        #expect(files.entryChunks.count == 13)
        #expect(files.root.dataPaths.count == files.termShards.count + 13)
        var seen: [String] = []
        for (number, shard) in termShards.enumerated() {
            #expect(shard.utf8.count <= SearchIndexFiles.shardTargetSize)
            let terms = SearchIndexTests.terms(inShard: shard)
            #expect(terms.first == files.root.shards[number])
            for term in terms {
                #expect(SearchIndexTests.shard(of: term, in: files.root.shards) == number)
            }
            seen += terms
        }
        #expect(seen == seen.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        #expect(Set(seen) == Set(index.terms.terms.filter { index.postings(of: $0) != nil }))
        let chunk = entryChunks[1].split(separator: "\n").map(String.init)
        #expect(
            chunk.prefix(5) == [
                "@/issues/3/\t3\t2025-01-03", "#1", "26\tEntry 3x16 about topic3 and crate136", "#2",
                "\tEntry 3x17 about topic4 and crate137",
            ])
        let unnumbered = entryChunks[2].split(separator: "\n")
        #expect(unnumbered.contains("@/issues/7/\t\t2025-01-07\tIssue 7"), "an issue without a number keeps its title")
        #expect(files.root.sections == ["News 0", "News 1", "News 2"])
        #expect(files.root.months.first == "January")
        #expect(files.text(at: "search/entries/1.bin") == entryChunks[1])
        #expect(files.text(at: "search/terms/99.txt") == nil)
        #expect(files.text(at: "search/terms/0.bin") == nil)
        #expect(files.contents(at: "search/terms/0.txt") == files.termShards[0], "shards are plain text")
        #expect(files.contents(at: "search/entries/0.bin")?.prefix(2) == [0x1F, 0x8B], "chunks are gzip")
        #expect(files.text(at: "search/../x") == nil)
    }

    @Test func theRootFileReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-search-root-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("search"), withIntermediateDirectories: true)
        let root = SearchIndexRoot(
            key: "00ff", entries: 97, entriesPerChunk: 48, shards: ["a", "m"], sections: ["News"], stopWords: ["the"])
        #expect(SearchIndexRoot.read(in: folder) == nil)
        try root.json().write(to: folder.appendingPathComponent(SearchIndexRoot.path))
        #expect(SearchIndexRoot.read(in: folder) == root)
        #expect(
            root.dataPaths == [
                "search/terms/0.txt", "search/terms/1.txt", "search/entries/0.bin", "search/entries/1.bin",
                "search/entries/2.bin",
            ])
        try Data("{\"format\": 99}".utf8).write(to: folder.appendingPathComponent(SearchIndexRoot.path))
        #expect(SearchIndexRoot.read(in: folder) == nil)
    }

    // MARK: Helpers

    static func documents(ofExampleIssue name: String) throws -> [SearchDocument] {
        let folder = try NewsletterFolder(at: SiteFixture.example)
        let file = try #require(folder.issues.first { $0.path.hasSuffix(name) })
        return SearchDocument.documents(in: folder.parsed(file).issue)
    }

    /// The script's decoding of ``SearchIndexFiles/encode(_:)``, as entry numbers times four
    /// plus flags, in entry order.
    static func decode(_ text: String) -> [Int] {
        var postings: [Int] = []
        var value = 0
        var number = 0
        var inTitle = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inTitle = false
                number = 0
            } else if byte >= SearchIndexFiles.leadingDigitZero {
                value = value * SearchIndexFiles.base + Int(byte - SearchIndexFiles.leadingDigitZero)
            } else {
                value = value * SearchIndexFiles.base + Int(byte - SearchIndexFiles.lastDigitZero)
                if inTitle {
                    number += value / 2
                    postings.append(number * 4 + SearchIndex.inTitle + (value % 2 == 1 ? SearchIndex.wholeTitle : 0))
                } else {
                    number += value
                    postings.append(number * 4)
                }
                value = 0
            }
        }
        return postings.sorted()
    }

    /// The script's reading of a shard's terms, each line saying how many UTF-16 units it shares
    /// with the previous one.
    static func terms(inShard shard: String) -> [String] {
        var terms: [String] = []
        var previous: [UInt16] = []
        for line in shard.split(separator: "\n") {
            let shared = Int(line.utf8.first! - UInt8(ascii: "!"))
            let suffix = line.dropFirst().prefix { $0 != " " }
            previous = Array(previous.prefix(shared)) + Array(suffix.utf16)
            terms.append(String(decoding: previous, as: UTF16.self))
        }
        return terms
    }

    /// The script's choice of shard: the last whose first term is not after `term`.
    static func shard(of term: String, in firsts: [String]) -> Int {
        firsts.lastIndex { !term.utf16.lexicographicallyPrecedes($0.utf16) } ?? 0
    }
}

/// An entry's text on one line, cut at a word: the same for ASCII text (copied word by word)
/// and for any other.
struct SearchDocumentCleaningTests {
    @Test func spacesCollapseAndLongTextIsCutAtAWord() {
        #expect(SearchDocument.clean("  a\tb\r\n  c  ") == "a b c")
        #expect(SearchDocument.clean("one two three", maximumLength: 9) == "one two…")
        #expect(SearchDocument.clean("unbreakable", maximumLength: 4) == "unbr…")
        #expect(SearchDocument.clean(" \n ").isEmpty)
        #expect(SearchDocument.clean("één twee drie", maximumLength: 9) == "één twee…")
    }
}
