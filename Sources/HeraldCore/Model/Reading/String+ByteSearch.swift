import Foundation

extension String {
    /// Where `needle` first occurs, compared byte by byte.
    ///
    /// UTF-8 never matches a whole character's bytes in the middle of another's, so this finds
    /// what `firstRange(of:)` finds at a fraction of the cost: the string-processing library's
    /// search walks `Character`s, some 20,000 instructions a call, and reading an archive asks
    /// it for every call for participation, triage and thank-you line.
    package func firstByteRange(of needle: String) -> Range<Index>? {
        self[...].firstByteRange(of: needle)
    }
}

extension Substring {
    /// Where `needle` first occurs, compared byte by byte (see ``String/firstByteRange(of:)``).
    package func firstByteRange(of needle: String) -> Range<Index>? {
        guard
            let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.offsets(of: needle, in: $0) })
                ?? Array(utf8).withUnsafeBufferPointer({ ByteSearch.offsets(of: needle, in: $0) })
        else { return nil }
        return utf8.index(startIndex, offsetBy: found.lowerBound)..<utf8.index(startIndex, offsetBy: found.upperBound)
    }
}

private enum ByteSearch {
    /// Each place the needle's first byte occurs (found with `memchr`), compared in full.
    static func offsets(of needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var needle = needle
        return needle.withUTF8 { pattern -> Range<Int>? in
            guard let base = haystack.baseAddress, let first = pattern.first, pattern.count <= haystack.count else {
                return nil
            }
            let lastStart = haystack.count - pattern.count
            var start = 0
            while start <= lastStart,
                let found = memchr(base + start, Int32(first), lastStart - start + 1)
            {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 {
                    return index..<(index + pattern.count)
                }
                start = index + 1
            }
            return nil
        }
    }
}
