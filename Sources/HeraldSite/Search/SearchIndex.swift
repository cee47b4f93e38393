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
    /// The terms of ``postings`` and of ``parts``' entries.
    let terms: TermTable
    /// Term number (in ``terms``) → entry numbers, ascending, each times four plus its flags
    /// (``inTitle``, ``wholeTitle``); empty for a term no kept entry has.
    let postings: [[Int]]

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
    /// kept that do not have them yet. The parts' term numbers are in `terms`, which numbers the
    /// terms found.
    ///
    /// `parts` is taken, not copied: a part whose entries gain their terms is changed in place
    /// only when nothing else holds it (the caller's array did, and each such part copied its
    /// entries).
    init(parts: consuming [(info: IssueInfo, part: SearchIndexPart)], terms: TermTable = TermTable(), stems: Bool) {
        var seen = Set<String>()
        let issues = parts.map(\.info)
        var indexed = (consume parts).map(\.part)
        // Newest issue first, each issue's entries in file order: of repeated entries the first
        // one met is kept.
        var kept: [[Int]] = Array(repeating: [], count: indexed.count)
        for position in indexed.indices.reversed() {
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
        var terms = terms
        SearchIndex.findTerms(of: slots, in: &indexed, table: &terms, stems: stems)
        self.issues = issues
        // Side by side: one after the other, these two passes over every kept entry held one
        // core each while the other waited.
        let (parts, termCount) = (indexed, terms.count)
        (self.entries, self.postings) = sideBySide(
            { slots.map { Entry(issue: $0.position, document: parts[$0.position].entries[$0.offset].document) } },
            { SearchIndex.postings(of: slots, in: parts, termCount: termCount) })
        self.terms = terms
        self.stems = stems
        self.parts = indexed
    }

    /// The postings of `term`, or `nil` when no kept entry has it.
    func postings(of term: String) -> [Int]? {
        guard let number = terms.existingNumber(of: term), !postings[Int(number)].isEmpty else { return nil }
        return postings[Int(number)]
    }

    /// For each term number, the numbers of the entries at `slots` that have it (each number
    /// times four, plus the title flags), in ascending order. Terms are numbers, so this is one
    /// pass of appends to arrays, with no hashing.
    private static func postings(
        of slots: [(position: Int, offset: Int)], in parts: [SearchIndexPart], termCount: Int
    ) -> [[Int]] {
        var postings = [[Int]](repeating: [], count: termCount)
        for (number, slot) in slots.enumerated() {
            guard let terms = parts[slot.position].entries[slot.offset].terms else { continue }
            let titleFlags =
                terms.title.count == 1 ? SearchIndex.inTitle | SearchIndex.wholeTitle : SearchIndex.inTitle
            for term in terms.title {
                postings[Int(term)].append(number * 4 + titleFlags)
            }
            for term in terms.detail {
                postings[Int(term)].append(number * 4)
            }
        }
        return postings
    }

    /// Finds the terms of the kept entries that lack them, on every core: in runs of entries, each
    /// with its own ``TermFinder``; each run's terms are then numbered in `table` once, in the
    /// order the run met them. Only a part that gains terms is changed, so the others keep
    /// sharing their storage with the last build's parts (and are written back as they were).
    private static func findTerms(
        of slots: [(position: Int, offset: Int)], in parts: inout [SearchIndexPart], table: inout TermTable,
        stems: Bool
    ) {
        let missing = slots.filter { parts[$0.position].entries[$0.offset].terms == nil }
        guard !missing.isEmpty else { return }
        // Found by a function of their own, which lets go of the parts it read before they are
        // changed here: a copy held through this loop made each part copy its entries.
        let runs = terms(of: missing, in: parts, stems: stems)
        var next = missing.makeIterator()
        for run in runs {
            let numbers = run.terms.map { table.number(of: $0) }
            for terms in run.found {
                guard let slot = next.next() else { return }
                parts[slot.position].entries[slot.offset].terms = SearchIndexPart.Terms(
                    title: terms.title.map { numbers[Int($0)] }, detail: terms.detail.map { numbers[Int($0)] })
            }
        }
    }

    /// The terms of the entries at `slots`, found in runs on every core, each run with its own
    /// ``TermFinder``: each entry's terms by their number in its run's ``TermFinder/terms``.
    private static func terms(
        of slots: [(position: Int, offset: Int)], in parts: [SearchIndexPart], stems: Bool
    ) -> [(found: [SearchIndexPart.Terms], terms: [String])] {
        slots.concurrentFlatMap(runs: indexingRuns) { run in
            var finder = TermFinder(stems: stems)
            let found = run.map { slot in finder.terms(of: parts[slot.position].entries[slot.offset].document) }
            return [(found: found, terms: finder.terms)]
        }
    }

    /// How many runs the entries' terms are found in: enough to keep every core busy to the end,
    /// few enough that each run's finder serves many entries (an archive repeats its
    /// words thousands of times).
    private static let indexingRuns = 8
}
