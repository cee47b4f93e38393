import Foundation
import HeraldCore

extension SitePlan {
    /// On a site moving from Pelican, every address Pelican wrote that Herald has no page for:
    /// a small page sending the reader on (a meta refresh and a canonical link, which any static
    /// host serves), Pelican's extra feeds with the same entries, and the same moves as rules for
    /// hosts that redirect (`_redirects` for Netlify and Cloudflare Pages, an nginx `map`).
    func pelicanAddresses(besides existing: [OutputFile]) -> [OutputFile] {
        guard context.configuration.site.legacy == .pelican else { return [] }
        let context = context
        let addresses = PelicanAddresses(
            issues: context.published, defaultAuthor: context.configuration.site.author,
            existing: Set(existing.map(\.path)))
        var files: [OutputFile] = addresses.moves.map { move in
            OutputFile(path: move.path, key: StableHash("moved", context.links.absoluteURL(of: move.target))) {
                SitePlan.redirectPage(to: move.target, links: context.links)
            }
        }
        for copy in addresses.feedCopies {
            guard let feed = existing.first(where: { $0.path == copy.source }),
                case .generated(let generate) = feed.contents
            else { continue }
            files.append(OutputFile(path: copy.path, key: feed.key, contents: generate))
        }
        let moves = addresses.moves
        let rulesKey = StableHash("moves", moves.map { "\($0.path)>\($0.target)" }.joined(separator: "\n"))
        files.append(
            OutputFile(path: "_redirects", key: rulesKey.adding(StableHash(context.links.basePath))) {
                SitePlan.redirectRules(moves, links: context.links)
            })
        files.append(
            OutputFile(path: "redirects.nginx.conf", key: rulesKey.adding(StableHash(context.links.basePath))) {
                SitePlan.nginxMap(moves, links: context.links)
            })
        return files
    }

    /// The addresses a reader may have for a Pelican output path: the file, and its folder when
    /// it is an `index.html`.
    private static func addresses(of path: String, links: SiteLinks) -> [String] {
        let file = links.basePath + "/" + path
        guard path.hasSuffix("index.html") else { return [file] }
        return [links.link(to: path), file]
    }

    static func redirectPage(to target: String, links: SiteLinks) -> String {
        let e = MarkupEscaping.escape
        let url = links.absoluteURL(of: target)
        return """
            <!doctype html>
            <html lang="en">
            <meta charset="utf-8">
            <title>Moved</title>
            <link rel="canonical" href="\(e(url))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(e(links.link(to: target)))">
            <p>This page has moved to \(MarkupEscaping.link(to: links.link(to: target), url)).</p>
            </html>

            """
    }

    static func redirectRules(_ moves: [PelicanAddresses.Move], links: SiteLinks) -> String {
        var text = "# Addresses of the Pelican site, moved: the _redirects file of Netlify and Cloudflare Pages.\n"
        for move in moves {
            for address in addresses(of: move.path, links: links) {
                text += "\(address) \(links.link(to: move.target)) 301\n"
            }
        }
        return text
    }

    static func nginxMap(_ moves: [PelicanAddresses.Move], links: SiteLinks) -> String {
        var text = """
            # Addresses of the Pelican site, moved. Include this file in nginx's http block, and in the
            # site's server block:  if ($herald_moved) { return 301 $herald_moved; }
            map $uri $herald_moved {
                default "";

            """
        for move in moves {
            for address in addresses(of: move.path, links: links) {
                text += "    \"\(address)\" \"\(links.link(to: move.target))\";\n"
            }
        }
        return text + "}\n"
    }
}
