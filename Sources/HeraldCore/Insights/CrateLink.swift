/// Reads which crate a link points at, so every mention of a crate is found however it is
/// linked: crates.io, docs.rs, lib.rs, or the crate's repository or home page.
///
/// An archive has about a hundred thousand links, so addresses are split once, on their UTF-8
/// bytes, without Foundation's string search.
enum CrateLink {
    /// What one address can tell about a crate: the name a registry, documentation or
    /// repository address gives it, and the home a crate's own link is matched on.
    struct Target: Hashable, Sendable {
        var name: String?
        var home: String?
    }

    static func target(of url: String) -> Target {
        let parts = pathParts(of: url)
        return Target(name: registryName(in: parts) ?? repositoryName(in: parts), home: home(in: parts))
    }

    /// The crate name a registry or documentation link names (`https://docs.rs/pest/2.0` → `pest`).
    static func registryName(in url: String) -> String? { registryName(in: pathParts(of: url)) }

    /// The repository a code-hosting link is in (`github.com/pest-parser/pest`), or the host of a
    /// link to a site's root (`pest.rs`): what a crate's home is matched on.
    static func home(of url: String) -> String? { home(in: pathParts(of: url)) }

    private static func registryName(in parts: [Substring]) -> String? {
        guard let host = parts.first else { return nil }
        let path = parts.dropFirst()
        switch host {
        case "crates.io", "lib.rs":
            guard path.first == "crates", path.count > 1 else { return nil }
            return normalized(path[path.startIndex + 1])
        case "docs.rs":
            guard let first = path.first else { return nil }
            if first == "crate" { return path.count > 1 ? normalized(path[path.startIndex + 1]) : nil }
            return normalized(first)
        default:
            return nil
        }
    }

    private static func home(in parts: [Substring]) -> String? {
        guard let host = parts.first else { return nil }
        if codeHosts.contains(host) {
            return parts.count >= 3 ? "\(host)/\(parts[1])/\(parts[2])" : nil
        }
        return parts.count == 1 && !sharedHosts.contains(host) ? String(host) : nil
    }

    /// The repository name of a code-hosting link (`github.com/dragostis/pest` → `pest`).
    private static func repositoryName(in parts: [Substring]) -> String? {
        guard let host = parts.first, codeHosts.contains(host), parts.count >= 3 else { return nil }
        return normalized(parts[2])
    }

    /// Crate names compare without case, `-` and `_` alike, as cargo compares them.
    static func normalized(_ name: Substring) -> String {
        var bytes = Array(name.utf8)
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes[index] += 0x20
            case UInt8(ascii: "_"): bytes[index] = UInt8(ascii: "-")
            default: break
            }
        }
        let ascii = String(decoding: bytes, as: UTF8.self)
        return bytes.allSatisfy { $0 < 0x80 } ? ascii : ascii.lowercased()
    }

    static func normalized(_ name: String) -> String { normalized(Substring(name)) }

    /// Host (lower case, without `www.`) and path segments, without scheme, query or fragment;
    /// at most four, as no rule reads further than the third.
    ///
    /// Read as byte offsets first: an archive has a hundred thousand links, and walking
    /// `String.Index`es and splitting the UTF-8 view cost a third of what the insights added.
    static func pathParts(of url: String) -> [Substring] {
        var url = url
        let segments: [Range<Int>] =
            url.withUTF8 { bytes in
                guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 2 < bytes.count,
                    bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/")
                else { return [] }
                var segments: [Range<Int>] = []
                var segmentStart = colon + 3
                var index = segmentStart
                while segments.count < 4 {
                    let atEnd =
                        index == bytes.count || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#")
                    if atEnd || bytes[index] == UInt8(ascii: "/") {
                        if index > segmentStart { segments.append(segmentStart..<index) }
                        if atEnd { break }
                        segmentStart = index + 1
                    }
                    index += 1
                }
                return segments
            }
        guard !segments.isEmpty else { return [] }
        let utf8 = url.utf8
        var parts = segments.map { range in
            url[
                utf8.index(
                    utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                        utf8.startIndex, offsetBy: range.upperBound)]
        }
        let host = parts[0]
        let hasUpperCase = host.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        let lower = hasUpperCase ? Substring(host.lowercased()) : host
        parts[0] = lower.hasPrefix("www.") ? lower.dropFirst(4) : lower
        if parts.count >= 3, codeHosts.contains(parts[0]), parts[2].hasSuffix(".git") {
            parts[2] = parts[2].dropLast(4)
        }
        return parts
    }

    private static let codeHosts: Set<Substring> = ["github.com", "gitlab.com", "codeberg.org", "sr.ht", "git.sr.ht"]
    /// Hosts whose root is no one crate's home.
    private static let sharedHosts: Set<Substring> = [
        "crates.io", "docs.rs", "lib.rs", "github.com", "gitlab.com", "rust-lang.org", "blog.rust-lang.org",
        "users.rust-lang.org", "internals.rust-lang.org", "reddit.com", "youtube.com", "medium.com",
    ]
}
