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

    /// The indexed issues, oldest first.
    let issues: [IssueInfo]
    /// Every entry, oldest issue first and in file order within an issue: an entry's number is
    /// its position here.
    let entries: [Entry]
    /// Term → entry numbers, ascending, each times four plus its flags (``inTitle``,
    /// ``wholeTitle``).
    let postings: [String: [Int]]

    /// The term is in the entry's title, which ranks above its detail.
    static let inTitle = 1
    /// The term is the whole title (stop words aside), as a crate's name is: such an entry is
    /// about the term and ranks first.
    static let wholeTitle = 2

    /// The parts the index was made from, in ``issues``' order, with the terms of every kept
    /// entry found: what the next build reuses.
    let parts: [SearchIndexPart]

    /// Whether terms are English stems (``EnglishStemmer``) rather than words as written; the
    /// script stems a query's words when the root says so.
    let stems: Bool

    /// Indexes `issues` (oldest first) with their documents. Of documents with the same
    /// ``SearchDocument/repeatKey`` only the one in the newest issue is kept. With `stems`, terms
    /// are the stems of the words.
    init(issues: [(info: IssueInfo, documents: [SearchDocument])], stems: Bool = true) {
        self.init(parts: issues.map { ($0.info, SearchIndexPart(documents: $0.documents)) }, stems: stems)
    }

    /// Indexes `parts` (oldest first), each an issue's entries, finding the terms of the entries
    /// kept that do not have them yet.
    init(parts: [(info: IssueInfo, part: SearchIndexPart)], stems: Bool) {
        var seen = Set<String>()
        var indexed = parts.map(\.part)
        // Newest issue first, each issue's entries in file order: of repeated entries the first
        // one met is kept.
        var kept: [[Int]] = Array(repeating: [], count: parts.count)
        for position in parts.indices.reversed() {
            kept[position] = indexed[position].entries.indices.filter { offset in
                guard let key = indexed[position].entries[offset].document.repeatKey else { return true }
                return seen.insert(key).inserted
            }
        }
        // An entry's number is its place among the kept entries, oldest issue first.
        var slots: [(position: Int, offset: Int)] = []
        for (position, offsets) in kept.enumerated() {
            for offset in offsets { slots.append((position, offset)) }
        }
        SearchIndex.findTerms(of: slots, in: &indexed, stems: stems)
        self.issues = parts.map(\.info)
        self.entries = slots.map {
            Entry(issue: $0.position, document: indexed[$0.position].entries[$0.offset].document)
        }
        self.postings = SearchIndex.postings(of: slots, in: indexed)
        self.stems = stems
        self.parts = indexed
    }

    /// For each term, the numbers of the entries at `slots` that have it (each number times four,
    /// plus the title flags). Runs of entries are indexed on every core, each into postings of its
    /// own, and the runs' lists are joined in order, so every list stays in ascending order.
    private static func postings(
        of slots: [(position: Int, offset: Int)], in parts: [SearchIndexPart]
    ) -> [String: [Int]] {
        var runs = slots.concurrentFlatMap(runs: indexingRuns) { run in
            var postings: [String: [Int]] = [:]
            for number in run.indices {
                let slot = run[number]
                guard let terms = parts[slot.position].entries[slot.offset].terms else { continue }
                let titleFlags =
                    terms.title.count == 1 ? SearchIndex.inTitle | SearchIndex.wholeTitle : SearchIndex.inTitle
                for term in terms.title {
                    postings[term, default: []].append(number * 4 + titleFlags)
                }
                for term in terms.detail {
                    postings[term, default: []].append(number * 4)
                }
            }
            return [postings]
        }
        guard !runs.isEmpty else { return [:] }
        var postings = runs.removeFirst()
        for run in runs {
            for (term, numbers) in run {
                postings[term, default: []].append(contentsOf: numbers)
            }
        }
        return postings
    }

    /// Finds the terms of the kept entries that lack them, on every core: in runs of entries, each
    /// with its own cache of stems. Only a part that gains terms is changed, so the others keep
    /// sharing their storage with the last build's parts (and are written back as they were).
    private static func findTerms(
        of slots: [(position: Int, offset: Int)], in parts: inout [SearchIndexPart], stems: Bool
    ) {
        let missing = slots.filter { parts[$0.position].entries[$0.offset].terms == nil }
        guard !missing.isEmpty else { return }
        let source = parts
        let found = missing.concurrentFlatMap(runs: indexingRuns) { run in
            var cache: [String: String] = [:]
            return run.map { slot in
                SearchIndexPart.Terms(
                    of: source[slot.position].entries[slot.offset].document, stems: stems, cache: &cache)
            }
        }
        for (slot, terms) in zip(missing, found) {
            parts[slot.position].entries[slot.offset].terms = terms
        }
    }

    /// How many runs the entries are indexed in (their terms found, their postings made): enough
    /// to keep every core busy to the end, few enough that each run's cache of stems serves many
    /// entries (an archive repeats its words thousands of times) and that joining the runs'
    /// postings stays small beside making them.
    private static let indexingRuns = 8
}
