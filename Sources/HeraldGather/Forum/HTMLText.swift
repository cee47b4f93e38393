import Foundation
import HeraldMarkdown

/// Reads the few things Herald needs from a forum post's HTML: its text, its links and its
/// block quotes. Not an HTML parser: posts come from Discourse's renderer, whose markup is
/// regular, and anything odd only makes an excerpt less tidy.
enum HTMLText {
    /// The text without tags, entities decoded, white space collapsed.
    static func plainText(_ html: String) -> String {
        var text = ""
        var tag: String?
        for character in html {
            if character == "<", tag == nil {
                tag = ""
            } else if character == ">", let name = tag {
                // Block tags separate words; inline ones (`<em>`, `<a>`) sit inside them.
                let bare = name.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if !inlineTags.contains(bare) { text.append(" ") }
                tag = nil
            } else if tag != nil {
                tag?.append(character)
            } else {
                text.append(character)
            }
        }
        return HTMLEntities.decodingReferences(in: text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let inlineTags: Set<String> = [
        "a", "em", "strong", "b", "i", "code", "span", "s", "del", "sup", "sub", "kbd", "abbr",
    ]

    /// The text of each outermost `<blockquote>`, in order: quotes nested in it are read as part
    /// of it, and the title Discourse writes above a quote (the quoted author's avatar and name)
    /// is left out.
    static func blockquotes(_ html: String) -> [String] {
        outermost("blockquote", in: html).compactMap { element in
            let text = plainText(removing("div", in: String(html[element.inner])) { $0.contains("class=\"title") })
            return text.isEmpty ? nil : text
        }
    }

    /// The post without the quotes it holds: Discourse's `<aside class="quote">` blocks and any
    /// other `<blockquote>`, so what is left is the poster's own words.
    static func withoutQuotes(_ html: String) -> String {
        let asides = removing("aside", in: html) { $0.contains("quote") }
        return removing("blockquote", in: asides) { _ in true }
    }

    /// `text` if it has at most `limit` characters, else cut at the last word that fits and ended
    /// with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        let head = text.prefix(limit - 1)
        let cut = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
        let words = cut.isEmpty ? head : cut
        return String(words.reversed().drop { $0.isWhitespace || ",;:-–—".contains($0) }.reversed()) + "…"
    }

    /// An element's place in the HTML: all of it, its content, and its start tag.
    struct Element {
        var outer: Range<String.Index>
        var inner: Range<String.Index>
        var tag: Substring
    }

    /// Where each outermost `<name …>…</name>` element is: the whole of it and its content;
    /// elements of the same name inside it are counted so that the right end tag closes it.
    static func outermost(_ name: String, in html: String) -> [Element] {
        var found: [Element] = []
        var position = html.startIndex
        while let open = nextTag(name, in: html, from: position, closing: false) {
            guard let openEnd = html[open.upperBound...].firstIndex(of: ">") else { break }
            let contentStart = html.index(after: openEnd)
            var depth = 1
            var cursor = contentStart
            var closeRange: Range<String.Index>?
            while depth > 0 {
                let nextOpen = nextTag(name, in: html, from: cursor, closing: false)
                guard let nextClose = nextTag(name, in: html, from: cursor, closing: true) else { break }
                if let nextOpen, nextOpen.lowerBound < nextClose.lowerBound {
                    depth += 1
                    cursor = nextOpen.upperBound
                } else {
                    depth -= 1
                    cursor =
                        html[nextClose.upperBound...].firstIndex(of: ">").map { html.index(after: $0) }
                        ?? html.endIndex
                    if depth == 0 { closeRange = nextClose.lowerBound..<cursor }
                }
            }
            // An element never closed runs to the end, as a browser reads it.
            let close = closeRange ?? html.endIndex..<html.endIndex
            found.append(
                Element(
                    outer: open.lowerBound..<close.upperBound, inner: contentStart..<close.lowerBound,
                    tag: html[open.lowerBound..<contentStart]))
            position = close.upperBound
            if closeRange == nil { break }
        }
        return found
    }

    /// `html` without the outermost `name` elements whose start tag passes `test`.
    static func removing(_ name: String, in html: String, where test: (Substring) -> Bool) -> String {
        var result = ""
        var position = html.startIndex
        for element in outermost(name, in: html) where test(element.tag) {
            result += html[position..<element.outer.lowerBound]
            result += " "
            position = element.outer.upperBound
        }
        return result + html[position...]
    }

    /// The next `<name` (or `</name`) followed by a space, `>` or `/`.
    private static func nextTag(_ name: String, in html: String, from start: String.Index, closing: Bool)
        -> Range<String.Index>?
    {
        let opening = (closing ? "</" : "<") + name
        var position = start
        while let range = html.range(of: opening, options: .caseInsensitive, range: position..<html.endIndex) {
            let after = range.upperBound
            if after == html.endIndex || html[after] == ">" || html[after] == "/" || html[after].isWhitespace {
                return range
            }
            position = after
        }
        return nil
    }

    /// The `href` of each link, made absolute against `base`; mentions, hashtags and anchors are left out.
    static func links(_ html: String, base: String) -> [String] {
        var links: [String] = []
        var rest = html[...]
        while let attribute = rest.range(of: "href=\"") {
            let value = rest[attribute.upperBound...]
            guard let end = value.firstIndex(of: "\"") else { break }
            let href = HTMLEntities.decodingReferences(in: String(value[..<end]))
            rest = value[end...]
            if href.hasPrefix("#") || href.hasPrefix("/u/") || href.hasPrefix("/tag/") || href.hasPrefix("mailto:") {
                continue
            }
            let absolute = href.hasPrefix("/") && !href.hasPrefix("//") ? base + href : href
            if WebAddress.isWebAddress(absolute), !links.contains(absolute) { links.append(absolute) }
        }
        return links
    }
}
