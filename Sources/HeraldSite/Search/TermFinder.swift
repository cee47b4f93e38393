import HeraldCore

/// Finds the index terms of search documents, one run of the archive's entries at a time (each
/// run on its own core has its own finder).
///
/// Every word is looked up by its bytes (``TermBytesTable``); only the first time a run meets a
/// word is it made into a `String`, checked against the stop words and stemmed. The terms are
/// numbered in the order the run first met them (``terms``), and the index numbers each run's
/// terms in its ``TermTable`` once, rather than every time an entry has one.
struct TermFinder {
    /// Whether terms are English stems (``EnglishStemmer``) rather than words as written.
    let stems: Bool
    /// Term number → term, in the order first met.
    private(set) var terms: [String] = []
    /// Words as folded, by their bytes.
    private var words = TermBytesTable()
    /// Word number → the number of its term (its stem) in ``terms``, or -1 for a stop word.
    private var termOfWord: [Int32] = []
    private var termNumbers: [String: Int32] = [:]
    /// Term number → the last document that had it, times two, plus one when it was in the
    /// detail: how a document's repeated words are dropped without a set.
    private var lastSeen: [Int] = []
    private var documents = 0
    private var scratch: [UInt8] = []
    /// Taken out while a text is read (so that the local copy is unique), put back after.
    private var folded: SearchText.FoldedRuns? = SearchText.FoldedRuns()

    init(stems: Bool) {
        self.stems = stems
    }

    /// The distinct terms of `document`, numbered in ``terms``: its title's, then those of its
    /// detail (all of a prose entry's text) that the title lacks, each list in the order of the
    /// terms' text.
    mutating func terms(of document: SearchDocument) -> SearchIndexPart.Terms {
        document.title.withUTF8Bytes { title in
            (document.searchedDetail ?? document.detail).withUTF8Bytes { terms(title: title, detail: $0) }
        }
    }

    /// ``terms(of:)`` of a document whose title and searched text are the UTF-8 texts given.
    mutating func terms(title: UnsafeBufferPointer<UInt8>, detail: UnsafeBufferPointer<UInt8>) -> SearchIndexPart.Terms
    {
        documents += 1
        var titleTerms = distinctTerms(in: title, mark: documents * 2)
        var detailTerms = distinctTerms(in: detail, mark: documents * 2 + 1)
        let texts = self.terms
        titleTerms.sort { texts[Int($0)] < texts[Int($1)] }
        detailTerms.sort { texts[Int($0)] < texts[Int($1)] }
        return SearchIndexPart.Terms(title: titleTerms, detail: detailTerms)
    }

    /// The terms of `text` not marked yet for this document, marked with `mark`: marks are
    /// ascending, so a term marked by this document's title is left out of its detail.
    private mutating func distinctTerms(in text: UnsafeBufferPointer<UInt8>, mark: Int) -> [Int32] {
        var found: [Int32] = []
        var scratch = self.scratch
        var folded = self.folded ?? SearchText.FoldedRuns()
        self.scratch = []
        self.folded = nil
        let firstMark = mark & ~1
        SearchText.forEachTerm(in: text, scratch: &scratch, folded: &folded) { word in
            let number = self.term(of: word)
            guard number >= 0, lastSeen[Int(number)] < firstMark else { return }
            lastSeen[Int(number)] = mark
            found.append(number)
        }
        self.scratch = scratch
        self.folded = folded
        return found
    }

    /// The number of `word`'s term, or -1 for a stop word.
    private mutating func term(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let number = Int(words.number(of: word, hash: TermBytesTable.hash(of: word)))
        if number < termOfWord.count { return termOfWord[number] }
        let text = String(decoding: word, as: UTF8.self)
        let term: Int32
        if SearchText.stopWords.contains(text) {
            term = -1
        } else {
            let stem = stems ? EnglishStemmer.stem(text) : text
            if let known = termNumbers[stem] {
                term = known
            } else {
                term = Int32(terms.count)
                terms.append(stem)
                termNumbers[stem] = term
                lastSeen.append(0)
            }
        }
        termOfWord.append(term)
        return term
    }
}
