import HeraldCore

/// A link's address taken apart, so that two spellings of one page compare equal and
/// tracking parameters can be taken out without touching anything else.
///
/// Parsed by hand rather than with Foundation's `URLComponents`, which refuses many addresses
/// editors really write (spaces, unescaped brackets) and would re-escape what it keeps.
public struct LinkAddress: Hashable, Sendable {
    /// The scheme, lowercased (`https`).
    public let scheme: String
    /// The host, lowercased, without `www.`'s removal (see ``duplicateKey``).
    public let host: String
    /// The address as given (its UTF-8 contiguous), which the other parts are read from.
    private let original: String
    /// Where the other parts are in ``original``'s bytes: kept as offsets, an address costs one
    /// string where each part of it was a string of its own (a path is longer than a string
    /// holds inline), made for every link the check reads and retained by every copy of it.
    private let portRange: Range<Int>?
    private let userInfoRange: Range<Int>?
    private let pathRange: Range<Int>
    private let query: Range<Int>?
    private let fragmentRange: Range<Int>?

    /// Parses an absolute `scheme://host/…` address; `nil` for anything else (relative links,
    /// `mailto:`).
    ///
    /// Found as byte offsets in the address's contiguous UTF-8: an archive's hundred thousand
    /// links each searched through a `Substring`'s UTF-8 view cost 8,000 instructions.
    public init?(_ url: String) {
        var url = url
        url.makeContiguousUTF8()
        // The scheme and host are lowercased from the bytes: as Unicode text, they were most of
        // the time the check spends on links.
        let found = url.withUTF8Bytes { bytes in
            LinkAddress.offsets(in: bytes).map { parts in
                (
                    parts, LinkAddress.lowercased(UnsafeBufferPointer(rebasing: bytes[parts.scheme])),
                    LinkAddress.lowercased(UnsafeBufferPointer(rebasing: bytes[parts.host]))
                )
            }
        }
        guard let (parts, scheme, host) = found else { return nil }
        self.scheme = scheme
        self.host = host
        original = url
        portRange = parts.port
        userInfoRange = parts.userInfo
        pathRange = parts.path
        query = parts.query
        fragmentRange = parts.fragment
    }

    /// The port as written, or `nil`.
    public var port: String? { portRange.map(text) }
    /// The path as written, starting with `/` when there is one.
    public var path: String { text(pathRange) }

    /// Whether the path is `candidate` as written, compared as bytes: asked of every link, a
    /// path made a string to be compared was an allocation each.
    func hasPath(_ candidate: StaticString) -> Bool {
        guard pathRange.count == candidate.utf8CodeUnitCount else { return false }
        return original.withUTF8Bytes { bytes in
            UnsafeBufferPointer(rebasing: bytes[pathRange]).elementsEqual(
                UnsafeBufferPointer(start: candidate.utf8Start, count: candidate.utf8CodeUnitCount))
        }
    }

    /// The fragment without `#`, or `nil`.
    public var fragment: String? { fragmentRange.map(text) }

    /// The query's `name=value` pairs as written, in order.
    public var queryItems: [Substring] {
        guard let query, !query.isEmpty else { return [] }
        let utf8 = original.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: query.lowerBound)
        return utf8[start..<utf8.index(start, offsetBy: query.count)].split(separator: UInt8(ascii: "&")).map {
            Substring($0)
        }
    }

    /// The bytes of ``original`` at `range`, as text.
    private func text(_ range: Range<Int>) -> String {
        original.withUTF8Bytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// `bytes` as text, lowercased: byte by byte when they are ASCII, as a scheme and nearly
    /// every host is.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// Where each part of `scheme://userinfo@host:port/path?query#fragment` is, or nil when
    /// `bytes` is not an absolute address.
    private static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> (
        scheme: Range<Int>, userInfo: Range<Int>?, host: Range<Int>, port: Range<Int>?, path: Range<Int>,
        query: Range<Int>?, fragment: Range<Int>?
    )? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 2 < bytes.count,
            bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/"),
            bytes[..<colon].allSatisfy(LinkAddress.isSchemeByte)
        else { return nil }
        let restStart = colon + 3
        var restEnd = bytes.count
        var fragment: Range<Int>?
        if let hash = bytes[restStart...].firstIndex(of: UInt8(ascii: "#")) {
            fragment = (hash + 1)..<bytes.count
            restEnd = hash
        }
        var query: Range<Int>?
        if let question = bytes[restStart..<restEnd].firstIndex(of: UInt8(ascii: "?")) {
            query = (question + 1)..<restEnd
            restEnd = question
        }
        let authorityEnd = bytes[restStart..<restEnd].firstIndex(of: UInt8(ascii: "/")) ?? restEnd
        var hostStart = restStart
        var userInfo: Range<Int>?
        if let at = bytes[restStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            userInfo = restStart..<at
            hostStart = at + 1
        }
        var hostEnd = authorityEnd
        var port: Range<Int>?
        if let portColon = bytes[hostStart..<authorityEnd].lastIndex(of: UInt8(ascii: ":")),
            bytes[authorityEnd - 1] != UInt8(ascii: "]")
        {
            port = (portColon + 1)..<authorityEnd
            hostEnd = portColon
        }
        return (0..<colon, userInfo, hostStart..<hostEnd, port, authorityEnd..<restEnd, query, fragment)
    }

    static func isSchemeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: false
        }
    }

    /// The name of each query item, before any `=`.
    static func name(of item: Substring) -> String {
        guard let equals = item.utf8.firstIndex(of: UInt8(ascii: "=")) else { return String(item) }
        return String(item[..<equals])
    }

    /// The query items that are tracking parameters on this host.
    public var trackingParameters: [String] {
        queryItems.map(LinkAddress.name).filter { TrackingParameters.isTracking($0, host: host) }
    }

    /// The same page under one spelling, for finding a link featured before: `https`, no
    /// `www.`, no default port, no repeated or trailing slash, no tracking parameters, no empty
    /// fragment. Case is kept in the path, where it matters.
    public var duplicateKey: String {
        // Written as bytes into room for all of it, and made a string once: made a piece at a
        // time (the host without `www.`, the path collapsed, each appended), a key was five
        // allocations, and every featured link of a check has one.
        let kept = queryItems.filter { !TrackingParameters.isTracking(LinkAddress.name(of: $0), host: host) }
        let fragment = fragment.flatMap { $0.isEmpty || $0.hasPrefix(":~:") ? nil : $0 }
        var key: [UInt8] = []
        key.reserveCapacity(original.utf8.count + host.utf8.count + 9)
        key += "https://".utf8
        key += host.hasPrefix("www.") ? host.utf8.dropFirst(4) : host.utf8[...]
        if let port, port != "80", port != "443", !port.isEmpty {
            key.append(UInt8(ascii: ":"))
            key += port.utf8
        }
        let pathStart = key.count
        original.withUTF8Bytes { bytes in
            for byte in bytes[pathRange]
            where !(byte == UInt8(ascii: "/") && key.count > pathStart && key.last == UInt8(ascii: "/")) {
                key.append(byte)
            }
        }
        while key.count > pathStart, key.last == UInt8(ascii: "/") { key.removeLast() }
        for (index, item) in kept.enumerated() {
            key.append(UInt8(ascii: index == 0 ? "?" : "&"))
            key += item.utf8
        }
        if let fragment {
            key.append(UInt8(ascii: "#"))
            key += fragment.utf8
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `url` without its tracking parameters, everything else as written; `url` itself when it
    /// has none (or is not an absolute address).
    public static func removingTrackingParameters(from url: String) -> String {
        guard let address = LinkAddress(url), !address.trackingParameters.isEmpty else { return url }
        let kept = address.queryItems.filter {
            !TrackingParameters.isTracking(LinkAddress.name(of: $0), host: address.host)
        }
        return address.rebuilt(query: kept, fragment: address.fragment)
    }

    /// The address with another query and fragment, the rest as written.
    func rebuilt(query: [Substring], fragment: String?) -> String {
        var prefix = original
        if let end = prefix.firstIndex(where: { $0 == "?" || $0 == "#" }) { prefix = String(prefix[..<end]) }
        if !query.isEmpty { prefix += "?" + query.joined(separator: "&") }
        if let fragment { prefix += "#" + fragment }
        return prefix
    }

    /// Whether the address is on `domain` or one of its subdomains.
    public func isOn(_ domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }

    /// The host without a leading `www.`.
    public var siteHost: String { host.hasPrefix("www.") ? String(host.dropFirst(4)) : host }

    var hasUserInfo: Bool { userInfoRange != nil }
}
