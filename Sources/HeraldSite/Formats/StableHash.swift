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

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        mix(0xFF)
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
