import Foundation

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
        return decodeEntities(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let inlineTags: Set<String> = [
        "a", "em", "strong", "b", "i", "code", "span", "s", "del", "sup", "sub", "kbd", "abbr",
    ]

    /// The text of each `<blockquote>`, in order.
    static func blockquotes(_ html: String) -> [String] {
        var quotes: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<blockquote"), let close = rest[open.upperBound...].range(of: "</blockquote>")
        {
            let inner = rest[open.upperBound..<close.lowerBound]
            let body = inner.firstIndex(of: ">").map { inner[inner.index(after: $0)...] } ?? inner
            let text = plainText(String(body))
            if !text.isEmpty { quotes.append(text) }
            rest = rest[close.upperBound...]
        }
        return quotes
    }

    /// The `href` of each link, made absolute against `base`; mentions, hashtags and anchors are left out.
    static func links(_ html: String, base: String) -> [String] {
        var links: [String] = []
        var rest = html[...]
        while let attribute = rest.range(of: "href=\"") {
            let value = rest[attribute.upperBound...]
            guard let end = value.firstIndex(of: "\"") else { break }
            let href = decodeEntities(String(value[..<end]))
            rest = value[end...]
            if href.hasPrefix("#") || href.hasPrefix("/u/") || href.hasPrefix("/tag/") || href.hasPrefix("mailto:") {
                continue
            }
            let absolute = href.hasPrefix("/") && !href.hasPrefix("//") ? base + href : href
            if WebAddress.isWebAddress(absolute), !links.contains(absolute) { links.append(absolute) }
        }
        return links
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&nbsp;` and numeric references.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                result.append("&")
                rest = after
                continue
            }
            let name = after[..<semicolon]
            if let decoded = entity(String(name)) {
                result.append(decoded)
                rest = after[after.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = after
            }
        }
        return result + rest
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
