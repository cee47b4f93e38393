/// Reads which crate a link points at, so every mention of a crate is found however it is
/// linked: crates.io, docs.rs, lib.rs, or the crate's repository or home page.
///
/// An archive has about a hundred thousand links, most of them to no crate, so an address is
/// read once as byte ranges of its UTF-8 and text is made only for what it names: splitting
/// each into substrings and comparing them through sets cost some 10,000 instructions a link.
enum CrateLink {
    /// What one address can tell about a crate: the name a registry, documentation or
    /// repository address gives it, and the home a crate's own link is matched on.
    struct Target: Hashable, Sendable {
        var name: String?
        var home: String?
    }

    static func target(of url: String) -> Target {
        read(url) { address in
            Target(name: address.registryName ?? address.repositoryName, home: address.home)
        } ?? Target()
    }

    /// The crate name a registry or documentation link names (`https://docs.rs/pest/2.0` → `pest`).
    static func registryName(in url: String) -> String? { read(url) { $0.registryName } ?? nil }

    /// The repository a code-hosting link is in (`github.com/pest-parser/pest`), or the host of a
    /// link to a site's root (`pest.rs`): what a crate's home is matched on.
    static func home(of url: String) -> String? { read(url) { $0.home } ?? nil }

    /// Crate names compare without case, `-` and `_` alike, as cargo compares them.
    static func normalized(_ name: String) -> String {
        var name = name
        return name.withUTF8 { normalized($0[...]) }
    }

    private static func normalized(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var isASCII = true
        let bytes = name.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 0x20
            case UInt8(ascii: "_"): return UInt8(ascii: "-")
            case 0x80...: isASCII = false
            default: break
            }
            return byte
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return isASCII ? text : text.lowercased()
    }

    private static func read<Result>(_ url: String, _ body: (Address) -> Result) -> Result? {
        var url = url
        return url.withUTF8 { bytes in Address(bytes).map(body) }
    }

    /// An address as the rules read it: its host (without `www.`) and its first two path
    /// segments (no rule reads further), without scheme, query or fragment, each a range of the
    /// address's bytes.
    private struct Address {
        let bytes: UnsafeBufferPointer<UInt8>
        let host: Range<Int>
        let isCodeHost: Bool
        /// The path's first two segments; `pathCount` of them are set.
        var path: (Range<Int>, Range<Int>) = (0..<0, 0..<0)
        var pathCount = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 2 < bytes.count,
                bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/")
            else { return nil }
            var host: Range<Int>?
            var start = colon + 3
            var index = start
            while pathCount < 2 {
                let atEnd =
                    index == bytes.count || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#")
                if atEnd || bytes[index] == UInt8(ascii: "/") {
                    if index > start {
                        if host == nil {
                            host = start..<index
                        } else if pathCount == 0 {
                            path.0 = start..<index
                            pathCount = 1
                        } else {
                            path.1 = start..<index
                            pathCount = 2
                        }
                    }
                    if atEnd { break }
                    start = index + 1
                }
                index += 1
            }
            guard var host else { return nil }
            if host.count > 4, Address.equal(bytes[host.lowerBound..<(host.lowerBound + 4)], "www.") {
                host = (host.lowerBound + 4)..<host.upperBound
            }
            self.host = host
            isCodeHost = Address.codeHosts.contains { Address.equal(bytes[host], $0) }
            if pathCount > 1 {
                // A repository's address as `git clone` takes it.
                if isCodeHost, path.1.count > 4,
                    Address.equal(bytes[(path.1.upperBound - 4)..<path.1.upperBound], ".git")
                {
                    path.1 = path.1.lowerBound..<(path.1.upperBound - 4)
                }
            }
        }

        var registryName: String? {
            if hostIs("crates.io") || hostIs("lib.rs") {
                guard pathCount > 1, segment(path.0, is: "crates") else { return nil }
                return CrateLink.normalized(bytes[path.1])
            }
            guard hostIs("docs.rs"), pathCount > 0 else { return nil }
            if segment(path.0, is: "crate") { return pathCount > 1 ? CrateLink.normalized(bytes[path.1]) : nil }
            return CrateLink.normalized(bytes[path.0])
        }

        /// The repository name of a code-hosting link (`github.com/dragostis/pest` → `pest`).
        var repositoryName: String? {
            isCodeHost && pathCount == 2 ? CrateLink.normalized(bytes[path.1]) : nil
        }

        var home: String? {
            if isCodeHost {
                guard pathCount == 2 else { return nil }
                var home = bytes[host].map(Address.lowercased)
                home.append(UInt8(ascii: "/"))
                home += bytes[path.0]
                home.append(UInt8(ascii: "/"))
                home += bytes[path.1]
                return String(decoding: home, as: UTF8.self)
            }
            return pathCount == 0 && !Address.sharedHosts.contains(where: hostIs) ? hostText : nil
        }

        private func hostIs(_ name: StaticString) -> Bool { Address.equal(bytes[host], name) }

        private func segment(_ range: Range<Int>, is name: StaticString) -> Bool {
            bytes[range].elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }

        /// The host in lower case, as text.
        private var hostText: String {
            let text = String(decoding: bytes[host].map(Address.lowercased), as: UTF8.self)
            return bytes[host].allSatisfy { $0 < 0x80 } ? text : text.lowercased()
        }

        /// Whether `bytes` spell `name` (lower-case ASCII) in any case.
        private static func equal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ name: StaticString) -> Bool {
            guard bytes.count == name.utf8CodeUnitCount else { return false }
            let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            return zip(bytes, expected).allSatisfy { lowercased($0) == $1 }
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
        }

        private static let codeHosts: [StaticString] = [
            "github.com", "gitlab.com", "codeberg.org", "sr.ht", "git.sr.ht",
        ]
        /// Hosts whose root is no one crate's home.
        private static let sharedHosts: [StaticString] = [
            "crates.io", "docs.rs", "lib.rs", "github.com", "gitlab.com", "rust-lang.org", "blog.rust-lang.org",
            "users.rust-lang.org", "internals.rust-lang.org", "reddit.com", "youtube.com", "medium.com",
        ]
    }
}
