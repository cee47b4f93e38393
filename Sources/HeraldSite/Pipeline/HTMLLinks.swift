/// Finds and rewrites the `href` and `src` attributes of rendered HTML.
///
/// Issue bodies are Markdown rendered by Herald, whose attributes are always double-quoted;
/// raw HTML written by editors usually is too. A feed reader shows an entry away from the site,
/// so every link in a feed must be absolute; this is what makes them so.
enum HTMLLinks {
    /// `html` with each `href="…"` and `src="…"` value passed through `transform`.
    static func rewriting(_ html: String, _ transform: (Substring) -> String?) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let match = nextAttribute(in: rest) {
            result += rest[..<match.lowerBound]
            let value = rest[match]
            result += transform(value) ?? String(value)
            rest = rest[match.upperBound...]
        }
        result += rest
        return result
    }

    /// Every `href` and `src` value in `html`, outside comments.
    static func values(in html: String) -> [Substring] {
        var values: [Substring] = []
        var rest = html[...]
        while let match = nextAttribute(in: rest) {
            values.append(rest[match])
            rest = rest[match.upperBound...]
        }
        return values
    }

    private static func nextAttribute(in text: Substring) -> Range<Substring.Index>? {
        var rest = text
        while let start = rest.firstIndex(where: { $0 == "h" || $0 == "s" || $0 == "<" }) {
            let tail = rest[start...]
            if tail.hasPrefix("<!--") {
                guard let end = tail.range(of: "-->") else { return nil }
                rest = tail[end.upperBound...]
                continue
            }
            for prefix in ["href=\"", "src=\""] where tail.hasPrefix(prefix) {
                let before = start == text.startIndex ? " " : text[text.index(before: start)]
                guard before == " " || before == "\n" || before == "\t" else { break }
                let valueStart = tail.index(tail.startIndex, offsetBy: prefix.count)
                guard let valueEnd = tail[valueStart...].firstIndex(of: "\"") else { return nil }
                return valueStart..<valueEnd
            }
            rest = tail.dropFirst()
        }
        return nil
    }

    /// Whether a link leaves the site: it has a scheme (`https:`, `mailto:`) or is protocol-relative.
    static func isExternal(_ link: Substring) -> Bool {
        if link.hasPrefix("//") { return true }
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
