import HeraldCore
import HeraldMarkdown

/// One ill-formed UTF-8 sequence in a file: where it is and its bytes.
struct InvalidUTF8: Hashable {
    let offset: Int
    let location: SourceLocation
    let bytes: [UInt8]

    /// Every maximal ill-formed subsequence of `data` (``UTF8Validation/invalidRanges(in:)``)
    /// with its line and column.
    static func find(in data: UnsafeBufferPointer<UInt8>) -> [InvalidUTF8] {
        var found: [InvalidUTF8] = []
        var line = 1
        var lineStart = 0
        var scanned = 0
        for range in UTF8Validation.invalidRanges(in: data) {
            for offset in scanned..<range.lowerBound where data[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            scanned = range.lowerBound
            found.append(
                InvalidUTF8(
                    offset: range.lowerBound,
                    location: SourceLocation(line: line, column: range.lowerBound - lineStart + 1),
                    bytes: Array(data[range])))
        }
        return found
    }
}
