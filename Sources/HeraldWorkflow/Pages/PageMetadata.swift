/// What a web page says about itself in its `<head>`: the titles and the address it prefers.
///
/// A submission is only as good as its title and URL, and contributors paste whatever their
/// browser shows (a tracking link, a title with " | Blog" on the end). The page usually knows
/// better: its Open Graph title is written for sharing, and `rel=canonical` names the one
/// address of the article.
public struct PageMetadata: Hashable, Sendable {
    /// `<meta property="og:title">`, decoded.
    public var openGraphTitle: String?
    /// The `<title>` element's text, decoded.
    public var documentTitle: String?
    /// `<meta property="og:site_name">`, used to recognise the site's name on the end of a title.
    public var siteName: String?
    /// `<link rel="canonical">`'s address as written (possibly relative).
    public var canonical: String?

    public init(
        openGraphTitle: String? = nil, documentTitle: String? = nil, siteName: String? = nil, canonical: String? = nil
    ) {
        self.openGraphTitle = openGraphTitle
        self.documentTitle = documentTitle
        self.siteName = siteName
        self.canonical = canonical
    }

    /// Reads the metadata from a page's bytes, stopping at `<body>`: what follows is content, and
    /// an SVG's `<title>` there is not the page's.
    ///
    /// - Parameter contentType: the response's `Content-Type`, whose charset wins over the page's.
    public init(html: [UInt8], contentType: String? = nil) {
        self.init()
        var scanner = HTMLTagScanner(PageCharset(of: html, contentType: contentType).utf8(html))
        while let tag = scanner.nextTag() {
            switch tag.name {
            case "body":
                return
            case "title" where documentTitle == nil:
                let raw = scanner.text(untilEndTag: "title", limit: PageTitle.scanLimit)
                documentTitle = HTMLText.plain(raw).nonEmpty
            case "meta":
                let key = (tag.value("property") ?? tag.value("name"))?.lowercased()
                let content = tag.value("content")?.nonEmpty
                if key == "og:title", openGraphTitle == nil { openGraphTitle = content }
                if key == "og:site_name", siteName == nil { siteName = content }
            case "link" where canonical == nil:
                let relations = (tag.value("rel") ?? "").lowercased().split(separator: " ")
                if relations.contains("canonical") { canonical = tag.value("href")?.nonEmpty }
            default:
                continue
            }
        }
    }

    /// The title for an entry: the Open Graph title, else the document's, without the site's name.
    public var title: String? {
        guard let raw = openGraphTitle ?? documentTitle else { return nil }
        return PageTitle.shortened(PageTitle.removingSiteName(from: raw, siteName: siteName))
    }
}

extension String {
    /// The string, or `nil` when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
