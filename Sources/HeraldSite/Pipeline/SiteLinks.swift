import Foundation
import HeraldCore

/// How the site's files are addressed: from an output path such as `blog/2024/02/07/x/index.html`
/// to the link a page writes (`/blog/2024/02/07/x/`) and the absolute URL a feed writes.
///
/// Links inside the site are root-relative, prefixed with the base URL's path, so the same
/// output works at `https://example.org/` and at `https://example.org/newsletter/`.
struct SiteLinks: Sendable {
    /// The absolute base URL without a trailing slash.
    let baseURL: String
    /// The path part of ``baseURL`` without a trailing slash: `""` or `/newsletter`.
    let basePath: String

    init(baseURL: String) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.baseURL = trimmed
        if let schemeEnd = trimmed.range(of: "://"),
            let pathStart = trimmed[schemeEnd.upperBound...].firstIndex(of: "/")
        {
            basePath = String(trimmed[pathStart...])
        } else {
            basePath = ""
        }
    }

    /// The root-relative link to an output file; `index.html` is left off.
    func link(to outputPath: String) -> String {
        basePath + "/" + SiteLinks.prettyPath(outputPath)
    }

    /// The absolute URL of an output file; `index.html` is left off.
    func absoluteURL(of outputPath: String) -> String {
        baseURL + "/" + SiteLinks.prettyPath(outputPath)
    }

    /// The scheme, host and port of the base URL: what a root-relative link is relative to.
    var origin: String {
        String(baseURL.dropLast(basePath.count))
    }

    /// The host of the base URL, for identifiers such as iCalendar UIDs.
    var host: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[schemeEnd.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != ":" })
    }

    /// The path as a link writes it: `index.html` left off, and bytes beyond ASCII (a slug in
    /// Chinese or Arabic) percent-encoded, so feeds and the sitemap carry valid URIs.
    private static func prettyPath(_ outputPath: String) -> String {
        let path =
            outputPath == "index.html"
            ? "" : outputPath.hasSuffix("/index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
        return path.percentEncodingBeyondASCII
    }
}
