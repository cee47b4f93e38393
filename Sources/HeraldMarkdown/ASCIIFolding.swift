/// Text folded to ASCII as Python's `unicodedata.normalize("NFKD", …).encode("ascii", "ignore")`
/// does: each scalar becomes the ASCII of its compatibility decomposition (`é` → `e`, `ﬁ` → `fi`,
/// `²` → `2`), or nothing when that has none (`☃`, `ß`, CJK). Python-Markdown's heading ids are made
/// from text folded this way, and ids that a site has published must stay as they were.
enum ASCIIFolding {
    /// Appends the ASCII that `text` folds to.
    static func fold(_ text: [UInt8], into result: inout [UInt8]) {
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                result.append(UInt8(scalar.value))
            } else if let range = foldedRange(of: scalar.value) {
                folded.withUTF8Buffer { result.append(contentsOf: $0[range]) }
            }
        }
    }

    /// Where the ASCII of `scalar` lies in ``folded``, if it has any.
    private static func foldedRange(of scalar: UInt32) -> Range<Int>? {
        var low = 0
        var high = scalars.count
        while low < high {
            let middle = (low + high) / 2
            if scalars[middle] < scalar {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < scalars.count, scalars[low] == scalar else { return nil }
        return Int(offsets[low])..<Int(offsets[low + 1])
    }
}
