import Foundation

/// A shorter or sturdier way to write an address that leads to the same page, with the reason.
struct SimplerAddress {
    let url: String
    let reason: String

    /// The simpler form of `url`, if there is one.
    static func `for`(_ address: LinkAddress, url: String) -> SimplerAddress? {
        if let target = redirectTarget(address) {
            return SimplerAddress(url: target, reason: "link goes through \(address.siteHost)'s redirect")
        }
        if let mobile = mobileHosts[address.host] {
            return SimplerAddress(url: replacingHost(in: url, with: mobile), reason: "link is to the mobile site")
        }
        if address.scheme == "http", httpsHosts.contains(where: address.isOn) {
            return SimplerAddress(
                url: "https" + url.dropFirst(4), reason: "link uses http, but \(address.siteHost) serves https")
        }
        if let fragment = address.fragment, fragment.hasPrefix(":~:") {
            return SimplerAddress(
                url: address.rebuilt(query: address.queryItems, fragment: nil),
                reason: "link carries a browser's text-highlight fragment")
        }
        if url.hasSuffix("?") || url.hasSuffix("#") {
            return SimplerAddress(url: String(url.dropLast()), reason: "link ends with an empty '\(url.last!)'")
        }
        return nil
    }

    /// The real address behind a search engine's or social site's redirect.
    private static func redirectTarget(_ address: LinkAddress) -> String? {
        // The paths first, as bytes: nearly every link has another, and neither its site nor its
        // path is made a string.
        guard address.hasPath("/url") || address.hasPath("/l.php") || address.hasPath("/redirect") else {
            return nil
        }
        let parameter: String
        switch (address.siteHost, address.path) {
        case ("google.com", "/url"): parameter = address.queryItems.contains { $0.hasPrefix("q=") } ? "q" : "url"
        case ("l.facebook.com", "/l.php"): parameter = "u"
        case ("youtube.com", "/redirect"): parameter = "q"
        default: return nil
        }
        guard let item = address.queryItems.first(where: { LinkAddress.name(of: $0) == parameter }) else { return nil }
        let value = item.dropFirst(parameter.count + 1)
        guard let decoded = String(value).removingPercentEncodingSafely, decoded.hasPrefix("http") else { return nil }
        return decoded
    }

    private static func replacingHost(in url: String, with host: String) -> String {
        guard let start = url.range(of: "://") else { return url }
        let rest = url[start.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return url[..<start.upperBound] + host + rest[end...]
    }

    private static let mobileHosts = [
        "m.youtube.com": "www.youtube.com", "mobile.twitter.com": "twitter.com", "old.reddit.com": "www.reddit.com",
        "np.reddit.com": "www.reddit.com", "en.m.wikipedia.org": "en.wikipedia.org",
        "m.facebook.com": "www.facebook.com",
    ]

    /// Sites that serve every page over https.
    private static let httpsHosts = [
        "github.com", "gitlab.com", "crates.io", "docs.rs", "rust-lang.org", "youtube.com", "youtu.be", "medium.com",
        "reddit.com", "twitter.com", "x.com", "lib.rs", "dev.to", "news.ycombinator.com", "stackoverflow.com",
        "wikipedia.org", "mozilla.org", "github.io", "google.com", "rust-lang.github.io", "this-week-in-rust.org",
    ]
}

extension String {
    /// Percent-decoding that leaves the string as it is where a `%` is not followed by two hex digits.
    var removingPercentEncodingSafely: String? {
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
