import Testing

@testable import HeraldSite

@Suite("StableHash")
struct StableHashTests {
    @Test("Changing any one byte of a text changes its fingerprint, in the eight-byte words and in the tail")
    func everyByteCounts() {
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 3)
        var seen: Set<StableHash> = [StableHash(fingerprintOf: text)]
        let bytes = Array(text.utf8)
        for index in bytes.indices {
            var changed = bytes
            changed[index] = changed[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            seen.insert(StableHash(fingerprintOf: String(decoding: changed, as: UTF8.self)))
        }
        #expect(seen.count == bytes.count + 1)
        #expect(StableHash(fingerprintOf: "a") != StableHash(fingerprintOf: "a\0"))
        #expect(StableHash(fingerprintOf: "") != StableHash(fingerprintOf: "\0\0\0\0\0\0\0\0"))
    }

    @Test("Parts are kept apart, and values written into sites keep the byte-wise FNV-1a")
    func partsAndStability() {
        #expect(StableHash("ab", "c") != StableHash("a", "bc"))
        #expect(StableHash("abcdefgh", "ijk") != StableHash("abcdefghijk"))
        #expect(StableHash().hex == "cbf29ce484222325")
        // FNV-1a of "a" then the 0xFF separator, by hand: event UIDs depend on these values.
        var expected: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte: UInt8 in [0x61, 0xFF] {
            expected ^= UInt64(byte)
            expected &*= 0x0000_0100_0000_01B3
        }
        #expect(StableHash("a").value == expected)
    }
}
