import Testing

@testable import HeraldCheck

/// Addresses taken apart by byte offsets, event lines split at their separators, fields trimmed:
/// the pieces every link and event rule reads.
struct LinkAddressTests {
    @Test func anAbsoluteAddressIsTakenApart() throws {
        let address = try #require(LinkAddress("HTTPS://user:pw@WWW.Example.org:8080/a//b/?utm_source=x&q=1#Part"))
        #expect(address.scheme == "https")
        #expect(address.host == "www.example.org")
        #expect(address.port == "8080")
        #expect(address.path == "/a//b/")
        #expect(address.queryItems == ["utm_source=x", "q=1"])
        #expect(address.fragment == "Part")
        #expect(address.trackingParameters == ["utm_source"])
        #expect(address.duplicateKey == "https://example.org:8080/a/b?q=1#Part")
    }

    @Test func edgesOfAnAddress() throws {
        #expect(LinkAddress("mailto:someone@example.org") == nil)
        #expect(LinkAddress("/relative/path") == nil)
        #expect(LinkAddress("://example.org") == nil)
        #expect(LinkAddress("ht tp://example.org") == nil)
        let bare = try #require(LinkAddress("https://"))
        #expect(bare.host.isEmpty && bare.path.isEmpty)
        let ipv6 = try #require(LinkAddress("http://[::1]/x"))
        #expect(ipv6.host == "[::1]" && ipv6.port == nil)
        let unicode = try #require(LinkAddress("https://例え.jp/パス?é=1#ü"))
        #expect(unicode.host == "例え.jp" && unicode.path == "/パス" && unicode.fragment == "ü")
        #expect(
            LinkAddress.removingTrackingParameters(from: "https://a.org/x?fbclid=1&id=2#f") == "https://a.org/x?id=2#f")
    }

    /// The duplicate key as its definition reads, a piece at a time.
    private static func definedKey(of address: LinkAddress) -> String {
        var key = "https://" + (address.host.hasPrefix("www.") ? String(address.host.dropFirst(4)) : address.host)
        if let port = address.port, port != "80", port != "443", !port.isEmpty { key += ":" + port }
        var path = ""
        for character in address.path where !(character == "/" && path.last == "/") { path.append(character) }
        while path.last == "/" { path.removeLast() }
        key += path
        let kept = address.queryItems.filter {
            !TrackingParameters.isTracking(LinkAddress.name(of: $0), host: address.host)
        }
        if !kept.isEmpty { key += "?" + kept.joined(separator: "&") }
        if let fragment = address.fragment, !fragment.isEmpty, !fragment.hasPrefix(":~:") { key += "#" + fragment }
        return key
    }

    @Test("duplicate keys of generated addresses, against the key's definition")
    func duplicateKeysFollowTheirDefinition() throws {
        let hosts = ["", "www.Example.org", "example.org", "WWW.", "www.例え.jp", "[::1]", "w.www.org"]
        let ports = ["", ":80", ":443", ":8080", ":"]
        let paths = ["", "/", "//", "/a//b/", "/a///", "///x", "/パス//", "/a/b"]
        let queries = ["", "?", "?utm_source=x", "?q=1&utm_medium=y&r", "?fbclid=1", "?&&"]
        let fragments = ["", "#", "#Part", "#:~:text=x", "#ü"]
        var checked = 0
        for host in hosts {
            for port in ports {
                for path in paths {
                    for query in queries {
                        for fragment in fragments {
                            guard let address = LinkAddress("http://" + host + port + path + query + fragment) else {
                                continue
                            }
                            #expect(address.duplicateKey == Self.definedKey(of: address), "\(address)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 5_000)
    }

    @Test func anEventLineIsSplitOutsideBrackets() throws {
        let fields = EventLine.fields(of: " 2025-07-02 | Berlin, DE |\t[Rust | Berlin](https://x.org) \r")
        #expect(fields == ["2025-07-02", "Berlin, DE", "[Rust | Berlin](https://x.org)"])
        let line = try #require(EventLine("* 2025-07-02 | Zürich, CH | [Rust Zürich](https://x.org)"))
        #expect(line.isComplete)
        #expect(EventLine("2025-07-02 | no bullet") == nil)
        #expect(" \t ".trimmed.isEmpty)
        #expect("\r\nx y\r\n".trimmed == "x y")
    }
}
