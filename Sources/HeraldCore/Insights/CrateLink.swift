import Foundation

/// Reads which crate a link points at, so every mention of a crate is found however it is
/// linked: crates.io, docs.rs, lib.rs, or the crate's repository or home page.
enum CrateLink {
    /// The crate name a registry or documentation link names (`https://docs.rs/pest/2.0` → `pest`).
    static func registryName(in url: String) -> String? {
        let parts = pathParts(of: url)
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

    /// The repository a code-hosting link is in (`github.com/pest-parser/pest`), or the host of a
    /// link to a site's root (`pest.rs`): what a crate's home is matched on.
    static func home(of url: String) -> String? {
        let parts = pathParts(of: url)
        guard let host = parts.first else { return nil }
        if codeHosts.contains(host) {
            return parts.count >= 3 ? "\(host)/\(parts[1])/\(parts[2])" : nil
        }
        return parts.count == 1 && !sharedHosts.contains(host) ? String(host) : nil
    }

    /// The repository name of a code-hosting link (`github.com/dragostis/pest` → `pest`).
    static func repositoryName(in url: String) -> String? {
        let parts = pathParts(of: url)
        guard let host = parts.first, codeHosts.contains(host), parts.count >= 3 else { return nil }
        return normalized(parts[2])
    }

    /// Crate names compare without case, `-` and `_` alike, as cargo compares them.
    static func normalized(_ name: Substring) -> String {
        String(name).lowercased().replacingOccurrences(of: "_", with: "-")
    }

    static func normalized(_ name: String) -> String { normalized(Substring(name)) }

    /// Host (lower case, without `www.`) and path segments, without scheme, query or fragment.
    static func pathParts(of url: String) -> [Substring] {
        var rest = Substring(url)
        guard let scheme = rest.range(of: "://") else { return [] }
        rest = rest[scheme.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        var parts = rest.split(separator: "/")
        guard let host = parts.first else { return [] }
        let lower = host.lowercased()
        parts[0] = Substring(lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower)
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
