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
        var needle = needle
        let found = needle.withUTF8 { pattern in
            withUTF8Bytes { ByteSearch.firstRange(of: pattern, in: $0) }
        }
        guard let found else { return nil }
        return utf8.index(startIndex, offsetBy: found.lowerBound)..<utf8.index(startIndex, offsetBy: found.upperBound)
    }
}

/// Substring search on bytes, the one the model's readers and the site's HTML rewriting share.
package enum ByteSearch {
    /// The offset of the first `byte` in `haystack[range]` (`memchr`), or nil.
    package static func firstIndex(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, within range: Range<Int>)
        -> Int?
    {
        guard let base = haystack.baseAddress, range.lowerBound >= 0, range.upperBound <= haystack.count,
            !range.isEmpty, let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The first occurrence of `needle` in `haystack` at or after `start`, as byte offsets; nil
    /// for an empty needle. Each place the needle's first byte occurs (found with `memchr`) is
    /// compared in full.
    package static func firstRange(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Range<Int>? {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, let first = needle.first,
            start >= 0, needle.count <= haystack.count
        else { return nil }
        let lastStart = haystack.count - needle.count
        var start = start
        while start <= lastStart, let found = memchr(base + start, Int32(first), lastStart - start + 1) {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if memcmp(base + index, needleBase, needle.count) == 0 { return index..<(index + needle.count) }
            start = index + 1
        }
        return nil
    }
}
