import Foundation
import HeraldCore
public import HeraldMarkdown

/// Renders an issue's or a page's Markdown to the HTML a page shows, and makes absolute copies
/// of it for feeds.
///
/// Every heading gets an id by the site's ``HeadingIDStyle`` (`## Upcoming Events` →
/// `id="upcoming-events"`), which stays the same as long as the heading text does, and a `#` link
/// to itself that the theme shows on hover and focus, so readers can link to a section. An issue's
/// entries get ids from their file lines (``EntryAnchors``), so search results and readers can
/// link to one entry.
public struct BodyRenderer: Sendable {
    private let renderer: HTMLRenderer

    public init(headingIDStyle: HeadingIDStyle = .github) {
        renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: true, headingIDStyle: headingIDStyle))
    }

    /// - Parameter firstLine: the file line `markdown` starts on, for an issue body whose
    ///   blocks get ``EntryAnchors``; `nil` for a standalone page, which gets none.
    func render(markdown: some StringProtocol, firstLine: Int? = nil) -> String {
        render(document: MarkdownDocument(parsing: String(markdown), options: .issue), firstLine: firstLine)
    }

    /// Renders a body already parsed with `ParseOptions.issue`, for a build that also reads the
    /// issue's model from the same parse.
    func render(document: MarkdownDocument, firstLine: Int? = nil) -> String {
        arrangedBody(of: document, firstLine: firstLine).text
    }

    /// Renders the document `handoff` holds, letting it go once no step needs its tree: the
    /// last step works on the bytes, and a 50 MB issue's tree (280 MB) lived on through it
    /// beside the search index, the build's peak.
    func render(taking handoff: DocumentHandoff, firstLine: Int? = nil) -> String {
        let body = handoff.take().map { arrangedBody(of: $0, firstLine: firstLine) }
        return body?.text ?? ""
    }

    /// A body as the steps that read its tree leave it: the renderer's HTML with its outline
    /// arranged, in the renderer's own buffer, and the entry ids still to be written in.
    private struct ArrangedBody {
        let html: RenderedHTML
        let entryIDs: [EntryAnchors.Insertion]

        /// The page's body: the entry ids and each heading's `#` link written in one pass, at
        /// the final size (written in turn, a 50 MB issue's body was held three times over). The
        /// pieces are gone through twice, to count and to write, rather than listed: a list of
        /// a 50 MB issue's two million pieces was 25 MB of its build's peak.
        var text: String {
            html.withBytes { html in
                let anchors = BodyRenderer.headingAnchors(in: html)
                var count = 0
                forEachPiece(of: html, anchors: anchors) {
                    count += $0.count
                } insert: {
                    count += $0.count
                }
                return String.written(byteCount: count) { write in
                    forEachPiece(of: html, anchors: anchors) {
                        write(UnsafeBufferPointer(rebasing: html[$0]))
                    } insert: {
                        write($0)
                    }
                }
            }
        }

        /// Calls `keep` with each run of `html` and `insert` with each text between them, in order.
        private func forEachPiece(
            of html: UnsafeBufferPointer<UInt8>, anchors: [(at: Int, id: Range<Int>)],
            keep: (Range<Int>) -> Void, insert: (UnsafeBufferPointer<UInt8>) -> Void
        ) {
            var (anchorStart, anchorEnd) = (BodyRenderer.anchorStart, BodyRenderer.anchorEnd)
            var copied = 0
            var (entry, anchor) = (0, 0)
            while entry < entryIDs.count || anchor < anchors.count {
                if anchor == anchors.count
                    || (entry < entryIDs.count && entryIDs[entry].offset <= anchors[anchor].at)
                {
                    keep(copied..<entryIDs[entry].offset)
                    entryIDs[entry].withAttribute(insert)
                    copied = entryIDs[entry].offset
                    entry += 1
                } else {
                    keep(copied..<anchors[anchor].at)
                    anchorStart.withUTF8(insert)
                    keep(anchors[anchor].id)
                    anchorEnd.withUTF8(insert)
                    copied = anchors[anchor].at
                    anchor += 1
                }
            }
            keep(copied..<html.count)
        }
    }

    private func arrangedBody(of document: MarkdownDocument, firstLine: Int?) -> ArrangedBody {
        let html = renderer.renderedHTML(of: document)
        let entryIDs = html.withMutableBytes { html in
            let entryIDs = firstLine.map {
                EntryAnchors.insertions(in: UnsafeBufferPointer(html), document: document, lineOffset: $0 - 1)
            }
            BodyRenderer.arrangeOutline(of: html, renderedFrom: document)
            return entryIDs
        }
        return ArrangedBody(html: html, entryIDs: entryIDs ?? [])
    }

    /// Puts a body's headings below the title, which is the page's (or the email's) only `h1`,
    /// keeping each section above its subsections whichever style the issue was written in.
    public static func arrangeOutline(of html: inout [UInt8], renderedFrom document: MarkdownDocument) {
        html.withUnsafeMutableBufferPointer { arrangeOutline(of: $0, renderedFrom: document) }
    }

    /// ``arrangeOutline(of:renderedFrom:)`` on bytes changed in place (their number stays).
    static func arrangeOutline(of html: UnsafeMutableBufferPointer<UInt8>, renderedFrom document: MarkdownDocument) {
        if startsSectionsAtLevelOne(document) {
            lowerHeadings(html)
        } else if UnsafeBufferPointer(html).firstRange(of: h1, from: 0) != nil {
            demoteHeadings(html)
        }
    }

    /// Whether the body's first heading is a `#`: the older issues' style, with `#` sections and
    /// `##` subsections beneath them (380 TWiR issues), where every heading moves down a level so
    /// that the sections stay above their subsections under the page's title. A body whose first
    /// heading is a `##` writes sections as `##`; its stray `#`s (`# Quote of the Week`, in 549 TWiR
    /// issues) are sections among them, and only those move.
    private static func startsSectionsAtLevelOne(_ document: MarkdownDocument) -> Bool {
        document.root.children.first { $0.kind == .heading }?.headingLevel == 1
    }

    private static let h1 = "<h1".bytes
    private static let headingOpen = "<h".bytes
    private static let idAttribute = " id=\"".bytes
    private static let anchorStart = " <a class=\"heading-anchor\" href=\"#"
    private static let anchorEnd = "\" aria-label=\"Link to this section\">#</a>"
    private static let linkEnd = "</a>".bytes

    /// The page's title is its only `h1`, so a body's `#` headings become `h2`s. Editors write
    /// `# Quote of the Week` among `##` sections (549 TWiR issues do): it is a section like the
    /// others, and moving only those headings keeps the outline in order under the title.
    static func demoteHeadings(_ html: UnsafeMutableBufferPointer<UInt8>) {
        lowerHeadings(html, levels: 1...1)
    }

    /// Every heading of `levels` one level lower (`h1` → `h2`); by default `h1` to `h5`, since HTML
    /// has no `h7` for an `h6`.
    static func lowerHeadings(_ html: UnsafeMutableBufferPointer<UInt8>, levels: ClosedRange<Int> = 1...5) {
        let digits = UInt8(ascii: "0") + UInt8(levels.lowerBound)...UInt8(ascii: "0") + UInt8(levels.upperBound)
        var index = 0
        while let open = UnsafeBufferPointer(html).firstIndex(
            of: UInt8(ascii: "<"), from: index, before: html.count - 3)
        {
            let h = html[open + 1] == UInt8(ascii: "/") ? open + 2 : open + 1
            if h + 2 < html.count, html[h] == UInt8(ascii: "h"), digits.contains(html[h + 1]),
                html[h + 2] == UInt8(ascii: " ") || html[h + 2] == UInt8(ascii: ">")
            {
                html[h + 1] += 1
            }
            index = open + 1
        }
    }

    /// Where a `<a class="heading-anchor" href="#id">` goes in `html`: before the end of every
    /// `<hN id="id">`, with the id it links to.
    static func headingAnchors(in html: UnsafeBufferPointer<UInt8>) -> [(at: Int, id: Range<Int>)] {
        var anchors: [(at: Int, id: Range<Int>)] = []
        var position = 0
        while let open = html.firstRange(of: headingOpen, from: position) {
            let level = open.upperBound
            guard level < html.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[level]),
                html.hasBytes(idAttribute, at: level + 1),
                let idEnd = html[(level + 1 + idAttribute.count)...].firstIndex(of: UInt8(ascii: "\"")),
                let close = html.firstRange(of: "</h".bytes + [html[level], UInt8(ascii: ">")], from: idEnd)
            else {
                position = open.upperBound
                continue
            }
            anchors.append((close.lowerBound, (level + 1 + idAttribute.count)..<idEnd))
            position = close.upperBound
        }
        return anchors
    }

    /// Where the anchors ``render(document:firstLine:)`` added to headings are in `html`, in order.
    static func headingAnchorRanges(in html: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        anchorStart.bytes.withUnsafeBufferPointer { anchorStart in
            linkEnd.withUnsafeBufferPointer { linkEnd in
                var ranges: [Range<Int>] = []
                var position = 0
                while let start = ByteSearch.firstRange(of: anchorStart, in: html, from: position),
                    let end = ByteSearch.firstRange(of: linkEnd, in: html, from: start.upperBound)
                {
                    ranges.append(start.lowerBound..<end.upperBound)
                    position = end.upperBound
                }
                return ranges
            }
        }
    }

    /// A body as a feed carries it: without the heading anchors (a feed reader shows no hover,
    /// so they would be stray `#` signs there) and with every link absolute
    /// (``absolutizingLinks(in:pageURL:)``), written in one pass. Taken out and rewritten in
    /// turn, a 50 MB issue's body was held three times over while its feeds were written; it is
    /// kept as the page's body and the splice, and written from them.
    static func feedBody(of html: String, pageURL: String) -> SplicedText {
        var html = html
        let anchors = html.withUTF8(headingAnchorRanges)
        let page = URL(string: pageURL)
        let splice = HTMLLinks.splice(of: html, removing: anchors) { value in
            page.flatMap { absoluteLink(value, on: $0, pageURL: pageURL) }
        }
        return SplicedText(html, splice: splice)
    }

    /// `html` with every relative `href` and `src` resolved against `pageURL` and written from the
    /// site's root (`../44/` → `/issues/44/`), so a body written for its own page works on the
    /// home page and at `latest/`. Fragments (`#upcoming-events`) stay: the body comes along.
    ///
    /// A long body stays one piece, its links rewritten as it is written: the home page and
    /// `latest/` each made a copy of a 50 MB issue's body for its few relative links, at once.
    static func rootingRelativeLinks(in html: String, pageURL: String, origin: String) -> RenderedText {
        guard let page = URL(string: pageURL) else { return RenderedText(html) }
        let splice = HTMLLinks.splice(of: html) { value in
            if value.isEmpty || value.hasPrefix("#") || value.hasPrefix("/") {
                return nil
            }
            guard let absolute = URL(string: value, relativeTo: page)?.absoluteString, absolute.hasPrefix(origin) else {
                return nil
            }
            return String(absolute.dropFirst(origin.count))
        }
        return RenderedText(html, spliced: splice)
    }

    /// `html` with every relative `href` and `src` made absolute against `pageURL`, the page the
    /// HTML was written for, so it works in a feed reader.
    public static func absolutizingLinks(in html: String, pageURL: String) -> String {
        guard let page = URL(string: pageURL) else { return html }
        return HTMLLinks.rewriting(html) { absoluteLink($0, on: page, pageURL: pageURL) }
    }

    /// `value`, a link on the site, made absolute against `page` (whose text is `pageURL`); `nil`
    /// keeps it.
    private static func absoluteLink(_ value: String, on page: URL, pageURL: String) -> String? {
        if value.isEmpty { return nil }
        if value.hasPrefix("#") { return pageURL + value }
        return URL(string: value, relativeTo: page)?.absoluteString
    }
}
