import HeraldCore

/// Substring search on UTF-8 bytes.
///
/// Rewriting the HTML of 600 issues goes through megabytes of text; Foundation's `range(of:)`
/// bridges to `NSString` on every call and dominated the build, so the rewriting steps work on
/// bytes instead. Every needle is ASCII, so a match never starts inside a multi-byte character.
extension UnsafeBufferPointer<UInt8> {
    /// The first occurrence of `needle` at or after `start` (``ByteSearch``).
    func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        needle.withUnsafeBufferPointer { ByteSearch.firstRange(of: $0, in: self, from: start) }
    }

    /// The first `byte` at or after `start` and before `end` (`memchr`), or nil: a body's
    /// rewriting steps jump from one `<` to the next rather than compare every byte.
    func firstIndex(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        ByteSearch.firstIndex(of: byte, in: self, within: start..<Swift.max(start, end ?? count))
    }

    /// Whether `needle` occurs at `index`.
    func hasBytes(_ needle: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= count else { return false }
        for offset in 0..<needle.count where self[index + offset] != needle[offset] {
            return false
        }
        return true
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `needle` at or after `start` (``ByteSearch``).
    func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        withUnsafeBufferPointer { $0.firstRange(of: needle, from: start) }
    }

    /// The bytes read as UTF-8 text.
    var text: String { String(decoding: self, as: UTF8.self) }
}

extension String {
    /// The UTF-8 bytes of the string.
    var bytes: [UInt8] { Array(utf8) }
}
