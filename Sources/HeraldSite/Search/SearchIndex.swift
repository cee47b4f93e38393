import HeraldCore

/// The archive's search index: every entry of every published issue, and for each term the
/// entries it occurs in.
///
/// Entries are numbered oldest first, so a higher number is a newer issue (the script ranks by
/// it) and a new issue only appends. The index is written as small files (``SearchIndexFiles``)
/// so that a query loads only what it needs.
struct SearchIndex: Sendable {
    /// An issue as results show it.
    struct IssueInfo: Hashable, Sendable {
        /// The root-relative link to the issue's page, e.g. `/blog/2024/02/07/this-week-in-rust-533/`.
        var link: String
        var number: Int?
        /// `YYYY-MM-DD`; the script writes it for readers (`7 February 2024`) with the root's
        /// month names, so the index does not carry a second form of every date.
        var date: String
        /// Shown only for an issue without a number.
        var title: String
    }

    /// One indexed entry and the position of its issue in ``issues``.
    struct Entry: Hashable, Sendable {
        var issue: Int
        var document: SearchDocument
    }

    /// An indexed entry: the position of its issue in ``issues`` and its number in ``store``.
    struct KeptEntry: Hashable, Sendable {
        var issue: Int
        var entry: Int
    }

    /// The indexed issues, oldest first.
    let issues: [IssueInfo]
    /// Every entry of every issue, with the terms of every kept one (and perhaps entries of parts
    /// no longer used, which nothing refers to).
    let store: SearchEntryStore
    /// Each issue's entries in ``store``, in ``issues``' order: what the next build reuses.
    let parts: [Range<Int>]
    /// The kept entries, oldest issue first and in file order within an issue: an entry's number
    /// is its position here.
    let kept: [KeptEntry]
    /// The terms of ``store``'s entries.
    let terms: TermTable
    /// Term number → where its postings start in ``postingValues`` (one more than the terms:
    /// the last is where they all end).
    private let postingStarts: [Int]
    /// Every term's postings, one after another: entry numbers, ascending, each times four plus
    /// its flags (``inTitle``, ``wholeTitle``).
    private let postingValues: [Int]

    /// The term is in the entry's title, which ranks above its detail.
    static let inTitle = 1
    /// The term is the whole title (stop words aside), as a crate's name is: such an entry is
    /// about the term and ranks first.
    static let wholeTitle = 2

    /// Whether terms are English stems (``EnglishStemmer``) rather than words as written; the
    /// script stems a query's words when the root says so.
    let stems: Bool

    /// Indexes `issues` (oldest first) with their documents. Of documents with the same
    /// ``SearchDocument/repeatKey`` only the one in the newest issue is kept. With `stems`, terms
    /// are the stems of the words.
    init(issues: [(info: IssueInfo, documents: [SearchDocument])], stems: Bool = true) {
        var store = SearchEntryStore()
        let parts = issues.map { issue in
            let start = store.count
            for document in issue.documents { store.append(document) }
            return start..<store.count
        }
        self.init(issues: issues.map(\.info), parts: parts, store: store, stems: stems)
    }

    /// Indexes the issues (oldest first) whose entries are `parts` of `store`, finding the terms
    /// of the entries kept that do not have them yet. The store's term numbers are in `terms`,
    /// which numbers the terms found.
    ///
    /// `store` is taken, not copied: the terms found are added to it in place.
    init(
        issues: [IssueInfo], parts: [Range<Int>], store: consuming SearchEntryStore, terms: TermTable = TermTable(),
        stems: Bool
    ) {
        var store = store
        var terms = terms
        let kept = SearchIndex.keptEntries(of: parts, in: store)
        SearchIndex.findTerms(of: kept, in: &store, table: &terms, stems: stems)
        (postingStarts, postingValues) = SearchIndex.postings(of: kept, in: store, termCount: terms.count)
        self.issues = issues
        self.parts = parts
        self.kept = kept
        self.store = store
        self.terms = terms
        self.stems = stems
    }

    /// The kept entries, as documents.
    var entries: [Entry] {
        kept.map { Entry(issue: $0.issue, document: store.entry($0.entry).document) }
    }

    /// The postings of the term numbered `number`.
    func postings(ofNumber number: Int32) -> ArraySlice<Int> {
        postingValues[postingStarts[Int(number)]..<postingStarts[Int(number) + 1]]
    }

    /// The postings of `term`, or `nil` when no kept entry has it.
    func postings(of term: String) -> [Int]? {
        guard let number = terms.existingNumber(of: term), !postings(ofNumber: number).isEmpty else { return nil }
        return Array(postings(ofNumber: number))
    }

    /// The entries kept, in number order: newest issue first, each issue's entries in file order,
    /// of entries with the same repeat key the first one met is kept (keys compared as bytes).
    private static func keptEntries(of parts: [Range<Int>], in store: SearchEntryStore) -> [KeptEntry] {
        var seen = TermBytesTable()
        var keptByIssue: [[Int]] = Array(repeating: [], count: parts.count)
        store.withContents { contents in
            for position in parts.indices.reversed() {
                keptByIssue[position] = parts[position].filter { entry in
                    guard contents.records[entry].repeatKeyCount > 0 else { return true }
                    let key = contents.fields(of: entry).repeatKey
                    let before = seen.count
                    _ = seen.number(of: key, hash: TermBytesTable.hash(of: key))
                    return seen.count > before
                }
            }
        }
        var kept: [KeptEntry] = []
        kept.reserveCapacity(keptByIssue.reduce(0) { $0 + $1.count })
        for (position, entries) in keptByIssue.enumerated() {
            for entry in entries { kept.append(KeptEntry(issue: position, entry: entry)) }
        }
        return kept
    }

    /// For each term number, the numbers of the `kept` entries that have it (each number times
    /// four, plus the title flags), in ascending order, all in one array: a count per term, then
    /// each posting put in its place.
    private static func postings(
        of kept: [KeptEntry], in store: SearchEntryStore, termCount: Int
    ) -> (starts: [Int], values: [Int]) {
        var starts = [Int](repeating: 0, count: termCount + 1)
        var values: [Int] = []
        store.withContents { contents in
            starts.withUnsafeMutableBufferPointer { starts in
                for slot in kept {
                    for term in contents.terms(of: slot.entry) { starts[Int(term) + 1] += 1 }
                }
                for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
            }
            var next = starts
            let total = starts[termCount]
            // Every place is filled once: each term's count was made from these same entries.
            values = [Int](unsafeUninitializedCapacity: total) { values, count in
                next.withUnsafeMutableBufferPointer { next in
                    for (number, slot) in kept.enumerated() {
                        let fields = contents.fields(of: slot.entry)
                        let titleFlags =
                            fields.titleTerms.count == 1
                            ? SearchIndex.inTitle | SearchIndex.wholeTitle : SearchIndex.inTitle
                        for term in fields.titleTerms {
                            values[next[Int(term)]] = number * 4 + titleFlags
                            next[Int(term)] += 1
                        }
                        for term in fields.detailTerms {
                            values[next[Int(term)]] = number * 4
                            next[Int(term)] += 1
                        }
                    }
                }
                count = total
            }
        }
        return (starts, values)
    }

    /// Finds the terms of the kept entries that lack them, on every core: in runs of entries, each
    /// with its own ``TermFinder``; each run's terms are then numbered in `table` once, in the
    /// order the run met them.
    private static func findTerms(
        of kept: [KeptEntry], in store: inout SearchEntryStore, table: inout TermTable, stems: Bool
    ) {
        let missing = kept.map(\.entry).filter { !store.records[$0].isIndexed }
        guard !missing.isEmpty else { return }
        // Found by a function of their own, which lets go of the store it read before it is
        // changed here: a copy held through this loop would copy the store.
        let runs = terms(of: missing, in: store, stems: stems)
        var next = missing.makeIterator()
        for run in runs {
            let numbers = run.terms.map { table.number(of: $0) }
            for terms in run.found {
                guard let entry = next.next() else { return }
                // An entry of a part two issues share (two files of the same text) is kept twice.
                if store.records[entry].isIndexed { continue }
                store.setTerms(
                    of: entry, title: terms.title.map { numbers[Int($0)] },
                    detail: terms.detail.map { numbers[Int($0)] })
            }
        }
    }

    /// The terms of the entries numbered `entries` in `store`, found in runs on every core, each
    /// run with its own ``TermFinder``: each entry's terms by their number in its run's
    /// ``TermFinder/terms``.
    private static func terms(
        of entries: [Int], in store: SearchEntryStore, stems: Bool
    ) -> [(found: [SearchIndexPart.Terms], terms: [String])] {
        entries.concurrentFlatMap(runs: indexingRuns) { run in
            var finder = TermFinder(stems: stems)
            let found = store.withContents { contents in
                run.map { entry in
                    let fields = contents.fields(of: entry)
                    return finder.terms(
                        title: fields.title,
                        detail: contents.records[entry].searchedCount > 0 ? fields.searchedDetail : fields.detail)
                }
            }
            return [(found: found, terms: finder.terms)]
        }
    }

    /// How many runs the entries' terms are found in: enough to keep every core busy to the end,
    /// few enough that each run's finder serves many entries (an archive repeats its
    /// words thousands of times).
    private static let indexingRuns = 8
}
