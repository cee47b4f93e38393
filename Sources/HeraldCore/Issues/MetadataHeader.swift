import HeraldMarkdown

/// The header block at the top of an issue file, split into raw entries.
///
/// Two spellings are read. Pelican's: `Key: Value` lines from the first line up to the first
/// blank line or the first line that is not `Key: Value` (a line indented four spaces continues
/// the previous value), exactly as Python-Markdown's `meta` extension reads them, so a file
/// Pelican builds reads the same here. And YAML-style front matter: a first line `---`, then
/// `key: value` lines, `[a, b]` and `- item` lists, quoted strings and `#` comments, up to a
/// closing `---` or `...`.
struct MetadataHeader: Sendable {
    enum Style: Sendable { case pelican, frontMatter }

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

    /// Reads the header of `lines` (the file split at line ends, without them).
    init(lines: [Substring]) throws(HeraldError) {
        var index = 0
        if lines.first.map({ $0.trimmingTrailingWhitespace() == "---" }) == true {
            self = try MetadataHeader(frontMatter: lines)
            return
        }
        var entries: [MetadataEntry] = []
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
        self.style = .pelican
        self.entries = entries
        self.bodyStartLine = index + 1
        self.warnings = MetadataHeader.strayEntryWarning(lines: lines, after: index).map { [$0] } ?? []
    }

    private init(frontMatter lines: [Substring]) throws(HeraldError) {
        var entries: [MetadataEntry] = []
        var listIsOpen = false
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            let trimmed = line.trimmingTrailingWhitespace()
            index += 1
            if trimmed == "---" || trimmed == "..." {
                self.style = .frontMatter
                self.entries = entries
                self.bodyStartLine = index + 1
                self.warnings = []
                return
            }
            let content = trimmed.drop(while: { $0 == " " })
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = trimmed.count - content.count
            if content.hasPrefix("- ") || content == "-", let last = entries.indices.last,
                listIsOpen || entries[last].values == [""]
            {
                let item = MetadataHeader.yamlScalar(content.dropFirst().drop(while: { $0 == " " }))
                entries[last].values = listIsOpen ? entries[last].values + [item] : [item]
                listIsOpen = true
                continue
            }
            listIsOpen = false
            if indent > 0, !entries.isEmpty {
                entries[entries.count - 1].values[entries[entries.count - 1].values.count - 1] += " " + content
                continue
            }
            guard var entry = MetadataHeader.pelicanEntry(line, lineNumber: lineNumber) else {
                throw HeraldError(
                    Problem(
                        .invalidMetadata, location: SourceLocation(line: lineNumber, column: 1),
                        message: "front matter line '\(trimmed)' is not 'key: value'",
                        fix: "write one 'key: value' per line; lists as '[a, b]' or as '- item' lines below the key"))
            }
            let raw = entry.values[0]
            if raw.hasPrefix("|") || raw.hasPrefix(">") {
                throw HeraldError(
                    Problem(
                        .invalidMetadata, location: entry.valueLocation,
                        message:
                            "front matter value of '\(entry.key)' is a YAML block scalar, which Herald does not read",
                        fix: "put the value on the key's line, quoted if it holds ':' or '#'"))
            }
            entry.values = MetadataHeader.yamlValues(raw)
            entries.append(entry)
        }
        throw HeraldError(
            Problem(
                .unterminatedFrontMatter, location: SourceLocation(line: 1, column: 1),
                message: "front matter opened with '---' on line 1 is never closed",
                fix: "add a line '---' after the last metadata line"))
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

    /// The values of a YAML plain, quoted or `[a, b]` scalar.
    private static func yamlValues(_ raw: String) -> [String] {
        let text = raw.trimmingTrailingWhitespace()
        guard text.hasPrefix("["), text.hasSuffix("]") else { return [yamlScalar(Substring(text))] }
        return text.dropFirst().dropLast().split(separator: ",")
            .map { yamlScalar($0.drop(while: { $0 == " " }).trimmingTrailingWhitespace()) }
            .filter { !$0.isEmpty }
    }

    /// A YAML scalar without its quotes; a plain scalar loses a trailing ` # comment`.
    private static func yamlScalar(_ text: Substring) -> String {
        if text.count >= 2, let quote = text.first, quote == "\"" || quote == "'", text.last == quote {
            let inner = text.dropFirst().dropLast()
            return quote == "'"
                ? inner.replacingOccurrences(of: "''", with: "'")
                : inner.replacingOccurrences(of: "\\\"", with: "\"")
        }
        if let comment = text.range(of: " #") {
            return String(text[..<comment.lowerBound].trimmingTrailingWhitespace())
        }
        return String(text)
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
