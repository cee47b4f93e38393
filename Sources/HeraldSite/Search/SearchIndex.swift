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

    /// Whether terms are English stems (``EnglishStemmer``) rather than words as written; the
    /// script stems a query's words when the root says so.
    let stems: Bool

    /// Indexes `issues` (oldest first) with their documents. Of documents with the same
    /// ``SearchDocument/repeatKey`` only the one in the newest issue is kept. With `stems`, terms
    /// are the stems of the words.
    init(issues: [(info: IssueInfo, documents: [SearchDocument])], stems: Bool = true) {
        var seen = Set<String>()
        var kept: [[SearchDocument]] = Array(repeating: [], count: issues.count)
        for position in issues.indices.reversed() {
            kept[position] = issues[position].documents.filter { document in
                guard let key = document.repeatKey else { return true }
                return seen.insert(key).inserted
            }
        }
        var entries: [Entry] = []
        var postings: [String: [Int]] = [:]
        var stemCache: [String: String] = [:]
        for (position, documents) in kept.enumerated() {
            for document in documents {
                let number = entries.count
                entries.append(Entry(issue: position, document: document))
                let titleTerms = SearchText.indexTerms(in: document.title, stems: stems, cache: &stemCache)
                let titleFlags =
                    titleTerms.count == 1 ? SearchIndex.inTitle | SearchIndex.wholeTitle : SearchIndex.inTitle
                for term in titleTerms {
                    postings[term, default: []].append(number * 4 + titleFlags)
                }
                let detailTerms = SearchText.indexTerms(
                    in: document.searchedDetail ?? document.detail, stems: stems, cache: &stemCache)
                for term in detailTerms where !titleTerms.contains(term) {
                    postings[term, default: []].append(number * 4)
                }
            }
        }
        self.issues = issues.map(\.info)
        self.entries = entries
        self.postings = postings
        self.stems = stems
    }
}
