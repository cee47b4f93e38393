import HeraldMarkdown

/// The header block at the top of an issue file, split into raw entries.
///
/// Three spellings are read, the ones static-site generators write. Pelican's: `Key: Value`
/// lines from the first line up to the first blank line or the first line that is not
/// `Key: Value` (a line indented four spaces continues the previous value), exactly as
/// Python-Markdown's `meta` extension reads them, so a file Pelican builds reads the same here.
/// YAML front matter between `---` lines (Jekyll, Eleventy, Hugo, Docusaurus), read by Yams.
/// And TOML front matter between `+++` lines (Zola, Hugo), read by TOMLKit.
struct MetadataHeader: Sendable {
    enum Style: Sendable { case pelican, yaml, toml }

    var style: Style
    var entries: [MetadataEntry]
    /// The first line after the header, where the Markdown body begins.
    var bodyStartLine: Int
    /// Warnings found while reading (a metadata line stranded after the header's end).
    var warnings: [Problem]

    /// Keys Pelican gives a meaning to; a stray line with one of these is worth a warning.
    static let knownKeys: Set<String> = [
        "title", "number", "date", "modified", "category", "tags", "slug", "summary", "status", "authors",
        "author", "lang", "translation", "save_as", "url", "template",
    ]

    init(style: Style, entries: [MetadataEntry], bodyStartLine: Int, warnings: [Problem] = []) {
        self.style = style
        self.entries = entries
        self.bodyStartLine = bodyStartLine
        self.warnings = warnings
    }

    /// Reads the header of `lines` (the file split at line ends, without them).
    init(lines: [Substring]) throws(HeraldError) {
        switch lines.first?.trimmingTrailingWhitespace() {
        case "---":
            self = try MetadataHeader(yaml: lines)
        case "+++":
            self = try MetadataHeader(toml: lines)
        default:
            self = MetadataHeader(pelican: lines)
        }
    }

    private init(pelican lines: [Substring]) {
        var entries: [MetadataEntry] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let entry = MetadataHeader.pelicanEntry(line, lineNumber: index + 1) {
                entries.append(entry)
            } else if !entries.isEmpty, let continuation = MetadataHeader.continuation(line) {
                entries[entries.count - 1].values[0] += " " + continuation
            } else {
                break
            }
            index += 1
        }
        self.init(
            style: .pelican, entries: entries, bodyStartLine: index + 1,
            warnings: MetadataHeader.strayEntryWarning(lines: lines, after: index).map { [$0] } ?? [])
    }

    /// The index in `lines` of the line closing front matter opened on the first line, and the
    /// front matter's text between them.
    ///
    /// - Throws: ``HeraldError`` when no line closes it.
    static func frontMatter(of lines: [Substring], closedBy fences: Set<String>) throws(HeraldError)
        -> (closingIndex: Int, text: String)
    {
        let isFence = { (line: Substring) in fences.contains(String(line.trimmingTrailingWhitespace())) }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            let fence = String(lines[0].trimmingTrailingWhitespace())
            throw HeraldError(
                Problem(
                    .unterminatedFrontMatter, location: SourceLocation(line: 1, column: 1),
                    message: "front matter opened with '\(fence)' on line 1 is never closed",
                    fix: "add a line '\(fence)' after the last metadata line"))
        }
        return (close, lines[1..<close].joined(separator: "\n"))
    }

    /// The top-level key written on `line` (1-based) of `lines` or the nearest line above it,
    /// so a syntax error deep in a value can still say which key it belongs to.
    static func key(atOrAbove line: Int, in lines: [Substring]) -> String? {
        for index in stride(from: min(line, lines.count) - 1, through: 1, by: -1) {
            let bytes = lines[index].utf8
            guard let first = bytes.first, first.isKeyCharacter else { continue }
            let keyEnd = bytes.firstIndex(where: { !$0.isKeyCharacter }) ?? bytes.endIndex
            let rest = bytes[keyEnd...].drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            if rest.first == UInt8(ascii: ":") || rest.first == UInt8(ascii: "=") {
                return String(lines[index][..<keyEnd])
            }
        }
        return nil
    }

    /// A `Key: Value` line as Python-Markdown's `meta` extension matches it:
    /// up to three spaces, a key of letters, digits, `_` and `-`, a colon, the value.
    static func pelicanEntry(_ line: Substring, lineNumber: Int) -> MetadataEntry? {
        let bytes = line.utf8
        var position = bytes.startIndex
        var indent = 0
        while position < bytes.endIndex, bytes[position] == UInt8(ascii: " "), indent < 4 {
            indent += 1
            position = bytes.index(after: position)
        }
        guard indent <= 3 else { return nil }
        let keyStart = position
        while position < bytes.endIndex, bytes[position].isKeyCharacter {
            position = bytes.index(after: position)
        }
        guard position > keyStart, position < bytes.endIndex, bytes[position] == UInt8(ascii: ":") else {
            return nil
        }
        let key = String(line[keyStart..<position])
        position = bytes.index(after: position)
        while position < bytes.endIndex, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position = bytes.index(after: position)
        }
        let valueColumn = bytes.distance(from: bytes.startIndex, to: position) + 1
        let value = String(line[position...].trimmingTrailingWhitespace())
        return MetadataEntry(
            key: key, values: [value],
            keyLocation: SourceLocation(line: lineNumber, column: indent + 1),
            valueLocation: SourceLocation(line: lineNumber, column: valueColumn))
    }

    /// The text of a line indented four or more spaces, which continues the previous value.
    private static func continuation(_ line: Substring) -> String? {
        guard line.hasPrefix("    ") else { return nil }
        let text = line.drop(while: { $0 == " " }).trimmingTrailingWhitespace()
        return text.isEmpty ? nil : String(text)
    }

    /// A warning when the first non-blank line after a blank-line-ended header looks like
    /// metadata: Pelican reads it as body text, which is rarely what the editor meant.
    private static func strayEntryWarning(lines: [Substring], after headerEnd: Int) -> Problem? {
        guard headerEnd > 0, headerEnd < lines.count, lines[headerEnd].allSatisfy(\.isWhitespace) else { return nil }
        guard let next = lines[headerEnd...].firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
            let entry = pelicanEntry(lines[next], lineNumber: next + 1),
            knownKeys.contains(entry.normalizedKey)
        else { return nil }
        return Problem(
            .strayMetadata, severity: .warning, location: entry.keyLocation,
            message:
                "'\(entry.key): \(entry.joinedValue)' follows the blank line that ends the header, so it is body text",
            fix: "remove the blank line above it to make it metadata")
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
