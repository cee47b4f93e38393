/// One link entry as a draft's Markdown writes it: `* [video] [Title](https://…)`.
///
/// Titles come from web pages and may hold anything; the line must still read back as the same
/// title and address, so Markdown's active characters in the title are escaped and an address
/// that would end the link early is percent-encoded.
public struct EntryLine: Hashable, Sendable {
    public var title: String
    public var url: String
    /// Prefixes without brackets, in order: `["video"]`, `["DE", "series"]`.
    public var prefixes: [String]

    public init(title: String, url: String, prefixes: [String] = []) {
        self.title = title
        self.url = url
        self.prefixes = prefixes
    }

    /// The line, without a line end, with the draft's bullet and indentation.
    public func markdown(bullet: String = "*") -> String {
        var line = bullet + " "
        for prefix in prefixes { line += "[\(prefix)] " }
        return line + "[\(EntryLine.escapedTitle(title))](\(EntryLine.destination(url)))"
    }

    /// `title` with the characters that would start markup backslash-escaped.
    static func escapedTitle(_ title: String) -> String {
        var escaped = ""
        for character in title {
            if "\\[]*_`<>".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// `url` safe inside `(…)`: spaces, angle brackets and unbalanced parentheses encoded.
    static func destination(_ url: String) -> String {
        var depth = 0
        var balanced = true
        for character in url {
            if character == "(" { depth += 1 }
            if character == ")" {
                depth -= 1
                if depth < 0 { balanced = false }
            }
        }
        balanced = balanced && depth == 0
        var result = ""
        for character in url {
            switch character {
            case " ": result += "%20"
            case "<": result += "%3C"
            case ">": result += "%3E"
            case "(" where !balanced: result += "%28"
            case ")" where !balanced: result += "%29"
            default: result.append(character)
            }
        }
        return result
    }
}
