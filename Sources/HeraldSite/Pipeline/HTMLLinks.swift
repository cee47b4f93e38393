/// Finds and rewrites the `href` and `src` attributes of rendered HTML.
///
/// Issue bodies are Markdown rendered by Herald, whose attributes are always double-quoted;
/// raw HTML written by editors usually is too. A feed reader shows an entry away from the site,
/// so every link in a feed must be absolute; this is what makes them so.
enum HTMLLinks {
    /// `html` with each `href="…"` and `src="…"` value passed through `transform`; `nil` keeps it.
    static func rewriting(_ html: String, _ transform: (String) -> String?) -> String {
        let bytes = html.bytes
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1024)
        var position = 0
        while let value = nextValue(in: bytes, from: position) {
            result += bytes[position..<value.lowerBound]
            let text = Array(bytes[value]).text
            result += (transform(text) ?? text).bytes
            position = value.upperBound
        }
        result += bytes[position...]
        return result.text
    }

    private static let attributes = [" href=\"".bytes, " src=\"".bytes, "\nhref=\"".bytes, "\nsrc=\"".bytes]
    private static let commentStart = "<!--".bytes
    private static let commentEnd = "-->".bytes

    /// The range of the next attribute value at or after `start`, skipping comments.
    private static func nextValue(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes.hasBytes(commentStart, at: index) {
                guard let end = bytes.firstRange(of: commentEnd, from: index + 4) else { return nil }
                index = end.upperBound
                continue
            }
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n"),
                let attribute = attributes.first(where: { bytes.hasBytes($0, at: index) })
            {
                let valueStart = index + attribute.count
                guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return valueStart..<valueEnd
            }
            index += 1
        }
        return nil
    }

    /// Whether a link leaves the site: it has a scheme (`https:`, `mailto:`) or is protocol-relative.
    static func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isLetter else { return false }
        return link[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
