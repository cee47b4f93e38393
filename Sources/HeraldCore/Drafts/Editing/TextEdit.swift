/// A replacement of bytes in a file: what `--fix` applies for a finding.
public struct TextEdit: Hashable, Sendable {
    /// Byte offsets in the file.
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// `bytes` with every edit applied; an edit overlapping one already taken is skipped, so
    /// the result is always well formed. Returns the bytes and the edits applied.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [TextEdit]) {
        var accepted: [TextEdit] = []
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard edit.range.upperBound <= bytes.count else { continue }
            if let last = accepted.last, last.range.upperBound > edit.range.lowerBound { continue }
            accepted.append(edit)
        }
        var result = bytes
        for edit in accepted.reversed() {
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return (result, accepted)
    }
}
