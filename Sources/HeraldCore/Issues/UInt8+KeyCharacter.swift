extension UInt8 {
    /// Whether the byte may appear in a bare key: a TOML bare key or a Pelican metadata key
    /// (ASCII letters, digits, `_` and `-`).
    var isKeyCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
