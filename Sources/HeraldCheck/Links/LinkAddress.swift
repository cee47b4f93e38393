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
    /// The port as written, or `nil`.
    public let port: String?
    /// The path as written, starting with `/` when there is one.
    public let path: String
    /// The query's `name=value` pairs as written, in order.
    public let queryItems: [Substring]
    /// The fragment without `#`, or `nil`.
    public let fragment: String?
    private let userInfo: String?
    private let original: String

    /// Parses an absolute `scheme://host/…` address; `nil` for anything else (relative links,
    /// `mailto:`).
    public init?(_ url: String) {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let afterColon = bytes.index(after: colon)
        guard bytes[afterColon...].starts(with: "//".utf8), colon != bytes.startIndex,
            bytes[..<colon].allSatisfy(LinkAddress.isSchemeByte)
        else { return nil }
        let restStart = bytes.index(afterColon, offsetBy: 2)
        var restEnd = bytes.endIndex
        var fragment: String?
        if let hash = bytes[restStart...].firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(url[bytes.index(after: hash)...])
            restEnd = hash
        }
        var query: Substring?
        if let question = bytes[restStart..<restEnd].firstIndex(of: UInt8(ascii: "?")) {
            query = url[bytes.index(after: question)..<restEnd]
            restEnd = question
        }
        let authorityEnd = bytes[restStart..<restEnd].firstIndex(of: UInt8(ascii: "/")) ?? restEnd
        var hostStart = restStart
        var userInfo: String?
        if let at = bytes[restStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            userInfo = String(url[restStart..<at])
            hostStart = bytes.index(after: at)
        }
        var hostEnd = authorityEnd
        var port: String?
        if let portColon = bytes[hostStart..<authorityEnd].lastIndex(of: UInt8(ascii: ":")),
            bytes[bytes.index(before: authorityEnd)] != UInt8(ascii: "]")
        {
            port = String(url[bytes.index(after: portColon)..<authorityEnd])
            hostEnd = portColon
        }
        self.scheme = url[..<colon].lowercased()
        self.host = url[hostStart..<hostEnd].lowercased()
        self.port = port
        self.userInfo = userInfo
        self.path = String(url[authorityEnd..<restEnd])
        self.queryItems = query.map { $0.utf8.split(separator: UInt8(ascii: "&")).map { Substring($0) } } ?? []
        self.fragment = fragment
        self.original = url
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
        var key = "https://"
        key += host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        if let port, port != "80", port != "443", !port.isEmpty { key += ":" + port }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where !(byte == UInt8(ascii: "/") && collapsed.last == UInt8(ascii: "/")) {
            collapsed.append(byte)
        }
        while collapsed.last == UInt8(ascii: "/") { collapsed.removeLast() }
        key += String(decoding: collapsed, as: UTF8.self)
        let kept = queryItems.filter { !TrackingParameters.isTracking(LinkAddress.name(of: $0), host: host) }
        if !kept.isEmpty { key += "?" + kept.joined(separator: "&") }
        if let fragment, !fragment.isEmpty, !fragment.hasPrefix(":~:") { key += "#" + fragment }
        return key
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

    var hasUserInfo: Bool { userInfo != nil }
}
