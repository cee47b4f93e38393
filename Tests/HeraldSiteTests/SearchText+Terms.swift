import HeraldCore

@testable import HeraldSite

extension SearchText {
    /// The terms of `text` in order, repeats and stop words included, as the index's
    /// ``TermFinder`` meets them: the tests' view of the tokenizer.
    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        var scratch: [UInt8] = []
        var folded = FoldedRuns()
        text.withUTF8Bytes { bytes in
            forEachTerm(in: bytes, scratch: &scratch, folded: &folded) {
                terms.append(String(decoding: $0, as: UTF8.self))
            }
        }
        return terms
    }
}
