import Foundation

/// Finds links and asset references in a built site that point to no file in it.
///
/// Reads every `.html` file, takes each `href` and `src` value outside comments, drops the
/// external ones (with a scheme or `//`), and resolves the rest against the page the way a
/// browser would, with `basePath` as the site's root. A link to a folder needs its `index.html`;
/// a fragment needs an element with that id on the target page.
struct LinkChecker {
    let output: URL
    var basePath = ""

    struct BrokenLink: Hashable, CustomStringConvertible {
        let page: String
        let link: String
        var description: String { "\(page): \(link)" }
    }

    func brokenLinks() throws -> [BrokenLink] {
        let pages = htmlFiles()
        var idsByPage: [String: Set<String>] = [:]
        var broken: [BrokenLink] = []
        for page in pages {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for link in Self.links(in: html) where !Self.isExternal(link) {
                guard let (target, fragment) = resolve(link, from: page) else {
                    broken.append(BrokenLink(page: page, link: link))
                    continue
                }
                guard FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path) else {
                    broken.append(BrokenLink(page: page, link: link))
                    continue
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
                    if idsByPage[target] == nil {
                        let text =
                            (try? String(contentsOf: output.appendingPathComponent(target), encoding: .utf8)) ?? ""
                        idsByPage[target] = Self.ids(in: text)
                    }
                    if idsByPage[target]?.contains(fragment) != true {
                        broken.append(BrokenLink(page: page, link: link))
                    }
                }
            }
        }
        return broken
    }

    /// The output file a link leads to and its fragment, or `nil` when it leaves the site's root.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        var path = link.replacingOccurrences(of: "&amp;", with: "&")
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        var components: [String]
        if path.isEmpty {
            return (page, fragment)
        } else if path.hasPrefix("/") {
            guard path.hasPrefix(basePath + "/") else { return nil }
            components = []
            path = String(path.dropFirst(basePath.count + 1))
        } else {
            components = page.split(separator: "/").dropLast().map(String.init)
        }
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        if path.hasSuffix("/") || components.isEmpty { components.append("index.html") }
        return (components.joined(separator: "/"), fragment)
    }

    private func htmlFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".html") { files.append(path) }
        }
        return files.sorted()
    }

    /// `href` and `src` values outside HTML comments.
    static func links(in html: String) -> [String] {
        let withoutComments = html.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
        let pattern = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
        let range = NSRange(withoutComments.startIndex..., in: withoutComments)
        return pattern.matches(in: withoutComments, range: range).compactMap {
            Range($0.range(at: 1), in: withoutComments).map { String(withoutComments[$0]) }
        }
    }

    static func ids(in html: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\sid="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return Set(
            pattern.matches(in: html, range: range).compactMap {
                Range($0.range(at: 1), in: html).map { String(html[$0]) }
            })
    }

    static func isExternal(_ link: String) -> Bool {
        link.hasPrefix("//") || link.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil
    }
}
