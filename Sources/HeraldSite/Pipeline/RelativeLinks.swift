import Foundation

/// Rewrites a page's links inside the site from root-relative (`/archive/`) to relative to the
/// page itself (`../archive/index.html`), for a site that is opened from the disk.
///
/// A browser reading `file://…/_site/index.html` resolves `/theme/style.css` against the root of
/// the file system, and opens a folder link as a folder listing, so a root-relative site shows no
/// styles and its links lead nowhere. With every link relative and ending in a file name, the same
/// pages look and work as they do served. Only `href`, `src` and `action` values that start with
/// the site's base path are touched; absolute URLs (the canonical link, feeds' addresses) and
/// in-page anchors are left as they are.
struct RelativeLinks: Sendable {
    /// The path part of the base URL without a trailing slash: `""` or `/newsletter`.
    let basePath: String

    /// The attribute names whose values are links, each written as ` name="`.
    private static let attributes: [[UInt8]] = [" href=\"", " src=\"", " action=\""].map { Array($0.utf8) }

    /// `html` with the site's own links made relative to the page at `outputPath`.
    func rewrite(_ html: Data, at outputPath: String) -> Data {
        let bytes = [UInt8](html)
        let depth = outputPath.split(separator: "/", omittingEmptySubsequences: true).count - 1
        let up = String(repeating: "../", count: max(depth, 0))
        let prefix = Array((basePath + "/").utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        var copied = 0
        while index < bytes.count {
            guard bytes[index] == 0x20, let attribute = Self.attribute(in: bytes, at: index) else {
                index += 1
                continue
            }
            let valueStart = index + attribute.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: 0x22) else { break }
            let value = bytes[valueStart..<valueEnd]
            if value.starts(with: prefix), !value.dropFirst(prefix.count).starts(with: [0x2F]) {
                result.append(contentsOf: bytes[copied..<valueStart])
                result.append(contentsOf: Self.relative(value.dropFirst(prefix.count), up: up))
                copied = valueEnd
            } else if Self.isRelativeFolder(value) {
                result.append(contentsOf: bytes[copied..<valueStart])
                result.append(contentsOf: Self.relative(value, up: ""))
                copied = valueEnd
            }
            index = valueEnd
        }
        result.append(contentsOf: bytes[copied...])
        return Data(result)
    }

    private static func attribute(in bytes: [UInt8], at index: Int) -> [UInt8]? {
        attributes.first { name in
            index + name.count <= bytes.count && bytes[index..<index + name.count].elementsEqual(name)
        }
    }

    /// Whether a link written relative to its page (`../44/`, as an editor may write one) names a
    /// folder, which a browser reading files would show as a listing instead of its page.
    private static func isRelativeFolder(_ value: ArraySlice<UInt8>) -> Bool {
        guard let first = value.first, first != 0x2F, first != 0x23, first != 0x3F else { return false }
        let pathEnd = value.firstIndex { $0 == 0x3F || $0 == 0x23 } ?? value.endIndex
        let path = value[value.startIndex..<pathEnd]
        let schemeEnd = path.firstIndex(of: 0x3A)
        let firstSlash = path.firstIndex(of: 0x2F)
        if let schemeEnd, schemeEnd < (firstSlash ?? path.endIndex) { return false }
        return path.last == 0x2F
    }

    /// A site path (after the base path's slash) as seen from a page `up` levels below the root:
    /// a folder gets its `index.html`, a query or fragment stays at the end.
    private static func relative(_ path: ArraySlice<UInt8>, up: String) -> [UInt8] {
        let suffixStart = path.firstIndex { $0 == 0x3F || $0 == 0x23 } ?? path.endIndex
        var target = Array(up.utf8) + path[path.startIndex..<suffixStart]
        if target.isEmpty || target.last == 0x2F { target += Array("index.html".utf8) }
        return target + path[suffixStart...]
    }
}
