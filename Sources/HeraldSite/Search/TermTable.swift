/// The distinct terms of one search index, each given a number when first met: entries hold
/// term numbers, so making the postings appends to arrays instead of hashing every occurrence of
/// every word (the archive's 334 thousand occurrences of 17 thousand terms).
///
/// A table only grows: the build starts from the table the last build's parts were read with, so
/// the numbers of a part carried over mean the same words, and two parts compare by number.
struct TermTable: Sendable {
    /// Number → term.
    private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]

    init() {}

    var count: Int { terms.count }

    subscript(number: Int32) -> String { terms[Int(number)] }

    /// The number of `term`, given it now when it has none.
    mutating func number(of term: String) -> Int32 {
        if let number = numbers[term] { return number }
        let number = Int32(terms.count)
        terms.append(term)
        numbers[term] = number
        return number
    }

    /// The number of `term`, or `nil` when the table does not hold it.
    func existingNumber(of term: String) -> Int32? {
        numbers[term]
    }
}
