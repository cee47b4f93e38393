import Foundation

/// Takes the site's name off the end of a page title (`Async drop, explained | Ferris' Blog`).
///
/// Newsletters list the article, and the site's name is noise there. The rule is conservative,
/// because a wrongly cut title is worse than a long one: the last part goes when it is the
/// page's declared site name, or when it follows a separator sites use for names only (`|`,
/// `·`, `»`, `::`, an em or en dash) and is short. A plain hyphen is also common inside titles
/// ("GlueSQL v0.17.0 - Added redb storage"), so after ` - ` only the declared site name goes.
public enum PageTitle {
    /// The most bytes of a `<title>` read: an unclosed one must not take the rest of the page.
    static let scanLimit = 4096
    /// The longest title put into an entry, in characters; real titles are far shorter.
    public static let maximumLength = 200

    /// `title` cut to ``maximumLength`` characters at a word boundary, with an ellipsis.
    public static func shortened(_ title: String) -> String {
        guard title.count > maximumLength else { return title }
        let head = title.prefix(maximumLength - 1)
        var cut = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
        while let last = cut.last, last.isWhitespace || ",;:-–—|·".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }

    /// `title` without a trailing site name; unchanged when nothing qualifies.
    public static func removingSiteName(from title: String, siteName: String? = nil) -> String {
        let title = HTMLText.collapsingWhitespace(title)
        for separator in separators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let tail = String(title[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            guard !head.isEmpty else { continue }
            if let siteName, tail.caseInsensitiveCompare(siteName) == .orderedSame { return head }
            if separator != " - ", tail.split(separator: " ").count <= maximumNameWords,
                head.split(separator: " ").count >= 2 || head.count > tail.count
            {
                return head
            }
        }
        return title
    }

    private static let separators = [" | ", " · ", " » ", " :: ", " — ", " – ", " - "]

    /// Site names are short ("The Rust Programming Language Blog" is five words); a longer tail
    /// is more likely part of the title.
    private static let maximumNameWords = 5
}
