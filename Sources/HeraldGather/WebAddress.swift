import Foundation

/// Finds web addresses in free text: event descriptions, forum posts, locations.
enum WebAddress {
    /// Whether `text` is an `http` or `https` address.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The first `http(s)://…` in `text`, up to white space or a closing bracket or quote.
    static func first(in text: String) -> String? {
        all(in: text).first
    }

    /// Every `http(s)://…` in `text`, in order.
    static func all(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let range = rest.range(of: "http", options: .caseInsensitive) {
            let candidate = rest[range.lowerBound...]
            let end = candidate.firstIndex { $0.isWhitespace || "<>\"')]|".contains($0) } ?? candidate.endIndex
            var address = String(candidate[..<end])
            while let last = address.last, ".,;:!?".contains(last) { address.removeLast() }
            if isWebAddress(address), address.count > "https://".count { found.append(address) }
            rest = candidate[end...]
            if rest.startIndex == range.lowerBound { rest = rest.dropFirst() }
        }
        return found
    }
}
