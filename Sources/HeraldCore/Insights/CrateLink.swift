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

    /// Host (lower case, without `www.`) and path segments, without scheme, query or fragment.
    static func pathParts(of url: String) -> [Substring] {
        let bytes = url.utf8
        var start: String.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":") {
                let slashes = bytes[bytes.index(after: index)...].prefix(2)
                if slashes.elementsEqual("//".utf8) { start = bytes.index(index, offsetBy: 3) }
                break
            }
            index = bytes.index(after: index)
        }
        guard let start else { return [] }
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        var parts = url.utf8[start..<end].split(separator: UInt8(ascii: "/")).map { Substring($0) }
        guard let host = parts.first else { return [] }
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
