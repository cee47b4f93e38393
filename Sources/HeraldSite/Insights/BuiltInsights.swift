import Foundation

/// The insight pages a previous build left in the output: the key of what they were made from
/// and each page's key.
///
/// With it, a build whose published issues are unchanged (nothing edited, or only a draft)
/// plans the same pages with the same keys without reading an issue, as the search index does
/// with ``BuiltSearchIndex``; the writer then carries every page over.
struct BuiltInsights: Sendable {
    /// `insights/files.txt`: `key HEX`, then one line per page, `HEX path`. No page reads it.
    static let path = "insights/files.txt"

    /// ``InsightsBuilder/key`` of the build that made the pages.
    let key: String
    /// Each page's path and hex key, in the order they were planned.
    let pages: [(path: String, key: String)]

    /// The pages in `output`, or `nil` when the file is missing or not of this format.
    static func read(in output: URL) -> BuiltInsights? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            return nil
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard let first = lines.first, first.hasPrefix("key ") else { return nil }
        var pages: [(path: String, key: String)] = []
        pages.reserveCapacity(lines.count - 1)
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: " ") else { return nil }
            pages.append((String(line[line.index(after: space)...]), String(line[..<space])))
        }
        return BuiltInsights(key: String(first.dropFirst(4)), pages: pages)
    }

    /// The text of ``path``.
    func text() -> String {
        "key \(key)\n" + pages.map { "\($0.key) \($0.path)\n" }.joined()
    }
}
