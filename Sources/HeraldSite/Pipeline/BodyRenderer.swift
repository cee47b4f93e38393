import Foundation
import HeraldMarkdown

/// Renders an issue's or a page's Markdown to the HTML a page shows, and makes absolute copies
/// of it for feeds.
///
/// Every heading gets GitHub's id (`## Upcoming Events` → `id="upcoming-events"`), which stays
/// the same as long as the heading text does, and a `#` link to itself that the theme shows on
/// hover and focus, so readers can link to a section.
struct BodyRenderer: Sendable {
    private let renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: true))

    func render(markdown: some StringProtocol) -> String {
        let document = MarkdownDocument(parsing: String(markdown), options: .gfm)
        return BodyRenderer.addingHeadingAnchors(to: renderer.render(document))
    }

    /// Inserts `<a class="heading-anchor" href="#id">` before the end of every `<hN id="id">`.
    static func addingHeadingAnchors(to html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 2048)
        var rest = html[...]
        while let open = rest.range(of: "<h") {
            let afterOpen = rest[open.upperBound...]
            guard let level = afterOpen.first, ("1"..."6").contains(level),
                afterOpen.dropFirst().hasPrefix(" id=\""),
                let idEnd = afterOpen.dropFirst(6).firstIndex(of: "\""),
                let close = afterOpen.range(of: "</h\(level)>")
            else {
                result += rest[..<open.upperBound]
                rest = afterOpen
                continue
            }
            let id = afterOpen[afterOpen.index(afterOpen.startIndex, offsetBy: 6)..<idEnd]
            result += rest[..<close.lowerBound]
            result += " <a class=\"heading-anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>"
            result += afterOpen[close]
            rest = afterOpen[close.upperBound...]
        }
        result += rest
        return result
    }

    /// `html` with every relative `href` and `src` made absolute against `pageURL`, the page the
    /// HTML was written for, so it works in a feed reader.
    static func absolutizingLinks(in html: String, pageURL: String) -> String {
        guard let page = URL(string: pageURL) else { return html }
        return HTMLLinks.rewriting(html) { value in
            if HTMLLinks.isExternal(value) || value.isEmpty { return nil }
            if value.hasPrefix("#") { return pageURL + value }
            return URL(string: String(value), relativeTo: page)?.absoluteString
        }
    }
}
