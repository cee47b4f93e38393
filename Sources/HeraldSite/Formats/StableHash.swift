/// A 64-bit FNV-1a hash that is the same in every run and on every machine.
///
/// Swift's `Hasher` is seeded per process, so it cannot key a cache that outlives the
/// process; the incremental build compares these values with the ones saved by the last build.
public struct StableHash: Hashable, Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// The hash of one run of bytes.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = StableHash()
        hash.add(bytes)
        return hash.value
    }

    /// Mixes in bytes with no separator, for one stream of data fed in pieces.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { mix(byte) }
    }

    /// The hash of the given parts, each kept apart from its neighbours.
    init(_ parts: String...) {
        for part in parts { combine(part) }
    }

    /// The hash of one part given as its UTF-8 bytes: `StableHash(text)` of the text they are.
    init(utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bytes in
            for byte in bytes { mix(byte) }
        }
        mix(0xFF)
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        mix(0xFF)
    }

    /// A hash of a long text for keys that only the incremental build compares (an issue's whole
    /// file): eight bytes per multiplication, where ``combine(_:)-(String)`` spends one per byte
    /// and made hashing every issue a tenth of a rebuild. Not for values written into the site
    /// (event UIDs), which must keep the byte-wise FNV-1a of earlier builds.
    ///
    /// Each step (xor a word, multiply by an odd number, fold the high half down) is a bijection
    /// of the state, so two texts of the same length that differ in a single word never share a
    /// hash.
    init(fingerprintOf text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= bytes.count {
                    value ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    value &*= 0x0000_0100_0000_01B3
                    value ^= value >> 32
                    index += 8
                }
            }
            while index < bytes.count {
                mix(bytes[index])
                index += 1
            }
        }
    }

    mutating func combine(_ other: StableHash) {
        combine(other.hex)
    }

    mutating func combine(_ flag: Bool) {
        mix(flag ? 1 : 0)
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    /// 16 lower-case hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
