import Foundation

/// Rewrites a page's links inside the site from root-relative (`/archive/`) to relative to the
/// page itself (`../archive/index.html`), for a site that is opened from the disk.
///
/// A browser reading `file://…/_site/index.html` resolves `/theme/style.css` against the root of
/// the file system, and opens a folder link as a folder listing, so a root-relative site shows no
/// styles and its links lead nowhere. With every link relative and ending in a file name, the same
/// pages look and work as they do served. Links under the site's base path are rewritten, and
/// relative links to folders (`../44/`, as editors write them) get their `index.html`; absolute
/// URLs (the canonical link, other sites) and in-page anchors are left as they are.
struct RelativeLinks: Sendable {
    /// The path part of the base URL without a trailing slash: `""` or `/newsletter`.
    let basePath: String

    /// `html` with the site's own links made relative to the page at `outputPath`.
    func rewrite(_ html: String, at outputPath: String) -> String {
        let depth = outputPath.split(separator: "/", omittingEmptySubsequences: true).count - 1
        let up = String(repeating: "../", count: max(depth, 0))
        let root = basePath + "/"
        return HTMLLinks.rewriting(html) { link in
            if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("?") { return nil }
            if link.hasPrefix(root) { return Self.namingFile(up + link.dropFirst(root.count)) }
            if link.hasPrefix("/") { return nil }
            return Self.namingFile(link)
        }
    }

    /// `link` with `index.html` added when it names a folder, its query or fragment kept at the end.
    private static func namingFile(_ link: String) -> String {
        let suffixStart = link.firstIndex { $0 == "?" || $0 == "#" } ?? link.endIndex
        let path = link[..<suffixStart]
        guard path.isEmpty || path.hasSuffix("/") else { return link }
        return path + "index.html" + link[suffixStart...]
    }
}
