import Foundation
import HeraldSite

/// A strong `ETag` computed from the bytes a response sends, so a page whose injected script or
/// overlay changed is not answered with `304 Not Modified`.
struct EntityTag: Hashable, Sendable {
    private let hash: UInt64
    private let length: Int

    init(of bytes: [UInt8]) {
        self.hash = StableHash.hash(bytes)
        self.length = bytes.count
    }

    /// The header form, quoted.
    var headerValue: String {
        "\"" + String(length, radix: 16) + "-" + String(hash, radix: 16) + "\""
    }

    /// Whether an `If-None-Match` header value names `tag` (or is `*`); weak tags compare by
    /// their opaque part, as `If-None-Match` asks.
    static func header(_ value: String, contains tag: String) -> Bool {
        value.split(separator: ",").contains { candidate in
            var candidate = candidate.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == tag
        }
    }
}
