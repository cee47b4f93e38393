import HeraldMarkdown
import TOMLKit

extension MetadataHeader {
    /// Reads TOML front matter, `+++` up to `+++`, with TOMLKit, as Zola and Hugo write it.
    ///
    /// Dates and date-times become `YYYY-MM-DD` and `YYYY-MM-DD HH:MM`, as written (an offset
    /// is dropped: an issue is dated by the day its editor wrote); a table (`[extra]`) becomes
    /// one entry per leaf with a dotted key (`extra.issue`). Entries come in file order.
    init(toml lines: [Substring]) throws(HeraldError) {
        let (close, text) = try MetadataHeader.frontMatter(of: lines, closedBy: ["+++"])
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = min(error.source.begin.line + 1, close + 1)
            let key = MetadataHeader.key(atOrAbove: line, in: lines).map { " in the value of '\($0)'" } ?? ""
            throw HeraldError(
                Problem(
                    .invalidMetadata, location: SourceLocation(line: line, column: error.source.begin.column),
                    message: "front matter is not valid TOML\(key) (\(error.description))",
                    fix: "see https://toml.io for TOML's syntax; strings need quotes"))
        } catch {
            throw HeraldError(
                Problem(
                    .invalidMetadata, location: SourceLocation(line: 2, column: 1),
                    message: "front matter cannot be read as TOML (\(error))"))
        }
        let locator = TOMLKeyLocator(text: text)
        let entries = MetadataHeader.entries(of: table, path: [], locator: locator)
            .sorted { $0.keyLocation < $1.keyLocation }
        self.init(style: .toml, entries: entries, bodyStartLine: close + 2)
    }

    private static func entries(of table: TOMLTable, path: [String], locator: TOMLKeyLocator) -> [MetadataEntry] {
        table.keys.flatMap { key -> [MetadataEntry] in
            guard let value = table[key] else { return [] }
            if let nested = value.table {
                return entries(of: nested, path: path + [key], locator: locator)
            }
            let written = locator.location(of: path + [key]) ?? locator.location(of: path)
            // TOMLKeyLocator counts from the line after the opening `+++`.
            let location =
                written.map { SourceLocation(line: $0.line + 1, column: $0.column) }
                ?? SourceLocation(line: 2, column: 1)
            return [
                MetadataEntry(
                    key: (path + [key]).joined(separator: "."), values: strings(of: value), keyLocation: location,
                    valueLocation: location)
            ]
        }
    }

    /// A value's text as Herald's other headers would hold it.
    static func strings(of value: any TOMLValueConvertible) -> [String] {
        if let string = value.string { return [string] }
        if let int = value.int { return [String(int)] }
        if let bool = value.bool { return [String(bool)] }
        if let double = value.double { return [String(double)] }
        if let date = value.date { return [text(of: date)] }
        if let time = value.time { return [text(of: time)] }
        if let dateTime = value.dateTime { return [text(of: dateTime.date) + " " + text(of: dateTime.time)] }
        if let array = value.array { return array.flatMap(strings(of:)) }
        if let table = value.table { return table.keys.compactMap { table[$0] }.flatMap(strings(of:)) }
        return []
    }

    private static func text(of date: TOMLDate) -> String {
        "\(date.year.padded(4))-\(date.month.padded(2))-\(date.day.padded(2))"
    }

    private static func text(of time: TOMLTime) -> String {
        "\(time.hour.padded(2)):\(time.minute.padded(2))"
    }
}
