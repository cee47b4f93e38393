import HeraldCore

/// `tracking-parameter`, `malformed-url`, `simplifiable-url` and `suspicious-link`: what is
/// wrong with an address on its own, whatever else the archive holds.
enum LinkRules {
    /// Checks `links` (a run of the file's), each read where the array keeps it: a copy retains
    /// each of its strings and releases them again.
    static func check(_ links: [LinkOccurrence], into findings: inout FindingList) {
        for index in links.indices { check(links[index], into: &findings) }
    }

    private static func check(_ link: LinkOccurrence, into findings: inout FindingList) {
        if let problem = malformation(of: link.url, address: link.address) {
            findings.report(.malformedURL, at: link.location, problem.message, fix: problem.fix)
            return
        }
        guard let address = link.address else { return }
        let tracking = address.trackingParameters
        if !tracking.isEmpty {
            let clean = LinkAddress.removingTrackingParameters(from: link.url)
            let names = tracking.map { "'\($0)'" }.joined(separator: ", ")
            findings.report(
                .trackingParameter, at: link.location,
                "link carries tracking parameter\(tracking.count == 1 ? "" : "s") \(names)",
                fix: "use \(clean)", edit: link.addressRange.map { TextEdit(range: $0, replacement: clean) })
        }
        if let simpler = SimplerAddress.for(address, url: link.url) {
            findings.report(
                .simplifiableURL, at: link.location, "\(simpler.reason)", fix: "use \(simpler.url)",
                edit: link.addressRange.map { TextEdit(range: $0, replacement: simpler.url) })
        }
        if link.isEntryLink, link.sectionKind == .links, let what = suspicion(about: address) {
            findings.report(
                .suspiciousLink, at: link.location, "entry links to \(what)",
                fix: "link the announcement, release notes or article instead")
        }
    }

    /// Why `url` cannot be used as a link, if it cannot; `address` is its parse, if any.
    static func malformation(of url: String, address: LinkAddress?) -> (message: String, fix: String?)? {
        let bytes = url.utf8
        // One pass over the buffer for a space and the first colon: through the string's view, the
        // two searches were most of this rule's time.
        let (hasSpace, colonOffset) = url.withUTF8Bytes(LinkRules.spaceAndColon)
        if hasSpace { return ("link address '\(url)' contains a space", "write spaces as %20, or remove them") }
        if url.isEmpty { return ("link has no address", nil) }
        guard let colon = colonOffset.map({ bytes.index(bytes.startIndex, offsetBy: $0) }), let first = bytes.first,
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20),
            bytes[..<colon].allSatisfy(LinkAddress.isSchemeByte)
        else {
            if let host = missingScheme(url) {
                return ("link address '\(url)' has no scheme", "write https://\(host)…")
            }
            return nil
        }
        // Lowercased from the bytes, as the address's own scheme is: as Unicode text it took a
        // tenth of the rule.
        let schemeLength = bytes.distance(from: bytes.startIndex, to: colon)
        let scheme = url.withUTF8Bytes { LinkAddress.lowercased(UnsafeBufferPointer(rebasing: $0[..<schemeLength])) }
        switch scheme {
        case "http", "https":
            guard let address else {
                return ("link address '\(url)' is not scheme://host/path", "write \(scheme)://host/…")
            }
            if address.host.isEmpty { return ("link address '\(url)' has no host", nil) }
            if !address.host.utf8.contains(UInt8(ascii: ".")) && address.host != "localhost"
                && !address.host.hasPrefix("[")
            {
                return ("link host '\(address.host)' is not a domain name", nil)
            }
            return nil
        case "mailto":
            return bytes.contains(UInt8(ascii: "@")) ? nil : ("mail link '\(url)' has no address", nil)
        default:
            return ("link uses the '\(scheme):' scheme; newsletters link http, https or mailto", nil)
        }
    }

    /// Whether `bytes` hold a space or a tab, and the offset of their first colon (before any
    /// space).
    private static func spaceAndColon(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bool, Int?) {
        var colon: Int?
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): return (true, colon)
            case UInt8(ascii: ":") where colon == nil: colon = index
            default: continue
            }
        }
        return (false, colon)
    }

    /// The host of an address written without its scheme (`github.com/rust-lang/rust`).
    private static func missingScheme(_ url: String) -> String? {
        guard let first = url.first, !"/#.?".contains(first) else { return nil }
        let host = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let dot = host.lastIndex(of: ".") else { return nil }
        let label = host[host.index(after: dot)...].lowercased()
        return commonTopLevelDomains.contains(label) ? String(host) : nil
    }

    private static let commonTopLevelDomains: Set<String> = [
        "com", "org", "net", "io", "rs", "dev", "blog", "me", "co", "uk", "de", "fr", "app", "xyz", "info", "tech",
        "ai", "sh", "page", "site", "so", "gg", "tv", "nl", "se", "jp", "cn", "ru", "eu", "ch", "at", "pl", "in",
    ]

    /// What a bare page is, when a link section's entry points at one.
    private static func suspicion(about address: LinkAddress) -> String? {
        guard address.queryItems.isEmpty, address.fragment == nil else { return nil }
        let host = address.siteHost
        let isCodeHost = host == "github.com" || host == "gitlab.com" || host == "codeberg.org"
        // The path is split only for the hosts the rule is about, and by bytes.
        guard isCodeHost || host == "crates.io" else { return nil }
        let segments = address.path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        if isCodeHost {
            return segments.count == 2 ? "a bare repository (\(host)/\(segments.joined(separator: "/")))" : nil
        }
        if segments.count == 2, segments[0] == "crates" {
            return "a crates.io page (\(segments[1]))"
        }
        return nil
    }
}
