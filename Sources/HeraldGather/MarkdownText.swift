import Foundation

/// Writes gathered text into Markdown so that it reads back as the same text and links.
enum MarkdownText {
    /// `text` with the characters that would start markup escaped, on one line.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "[", "]", "*", "_", "<", ">", "|":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\t":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A link destination that cannot end the link early: spaces and parentheses percent-encoded.
    static func destination(_ url: String) -> String {
        var result = ""
        for character in url.trimmingCharacters(in: .whitespacesAndNewlines) {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }

    /// `[text](url)`, or the escaped text alone without an address.
    static func link(_ text: String, _ url: String?) -> String {
        guard let url, !url.isEmpty else { return escaped(text) }
        return "[\(escaped(text))](\(destination(url)))"
    }
}
