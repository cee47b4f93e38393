import HeraldCore

/// The distinct terms of one search index, each given a number when first met: entries hold
/// term numbers, so making the postings appends to arrays instead of hashing every occurrence of
/// every word (the archive's 334 thousand occurrences of 17 thousand terms).
///
/// Terms are kept as bytes (``TermBytesTable``): the index's files are written from them, and a
/// table read back from the parts file makes no string.
struct TermTable: Sendable {
    private var table = TermBytesTable()

    init() {}

    var count: Int { table.count }

    subscript(number: Int32) -> String { table.word(number) }

    /// Every term, in number order.
    var terms: [String] { table.words() }

    /// The number of `term`, given it now when it has none.
    mutating func number(of term: String) -> Int32 {
        term.withUTF8Bytes { number(of: $0) }
    }

    /// The number of the term whose bytes are `term`, given it now when it has none.
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int32 {
        table.number(of: term, hash: TermBytesTable.hash(of: term))
    }

    /// The number of `term`, or `nil` when the table does not hold it.
    func existingNumber(of term: String) -> Int32? {
        term.withUTF8Bytes { table.existingNumber(of: $0, hash: TermBytesTable.hash(of: $0)) }
    }

    /// Calls `body` with every term's bytes, one after another, and the range of each by number.
    func withAllBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Result) -> Result {
        table.withAllBytes(body)
    }

    /// Calls `body` with the bytes of the term numbered `number`.
    func withBytes<Result>(of number: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        table.withBytes(of: number, body)
    }
}
