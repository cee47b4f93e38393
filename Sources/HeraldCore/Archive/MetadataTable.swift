import Foundation
import HeraldMarkdown
import TOMLKit

/// The `[content] metadata` file: for issues whose files and paths do not carry a date, a number
/// or a title, one TOML table per file, named by its path in the content folder.
///
/// ```toml
/// ["issue-3.markdown"]
/// date = 2019-08-19
/// number = 3
/// ```
///
/// A value in the issue's own header still wins over the table's.
struct MetadataTable: Sendable {
    /// Lower-cased key → value, per path inside the content folder.
    private(set) var rows: [String: [String: String]] = [:]
    /// Where each row's table header was written, for a warning about a row naming no file.
    private var rowLocations: [String: SourceLocation] = [:]
    /// The table's path as problems name it.
    private(set) var displayPath = ""

    init() {}

    /// Reads the table at `url`, naming it `displayPath` in problems.
    ///
    /// - Throws: ``HeraldError`` when the file is missing, is not TOML, or has a value that is
    ///   not a table of keys.
    init(contentsOf url: URL, displayPath: String) throws(HeraldError) {
        self.displayPath = displayPath
        let text: String
        switch ConfigurationFile.read(url) {
        case .missing:
            throw HeraldError(
                Problem(
                    .unreadable, file: displayPath,
                    message: "the metadata table named in [content] metadata is missing",
                    fix: "create it, or remove the key from herald.toml"))
        case .refused(let message, let fix):
            throw HeraldError(Problem(.unreadable, file: displayPath, message: message, fix: fix))
        case .contents(let data):
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw HeraldError(
                    Problem(
                        .invalidUTF8, file: displayPath, message: "the metadata table is not UTF-8",
                        fix: "save it as UTF-8"))
            }
            text = decoded
        }
        let root = try TOMLTable.reading(text, file: displayPath)
        let locator = TOMLKeyLocator(text: text)
        var problems: [Problem] = []
        for path in root.keys {
            let location = locator.location(of: [path])
            guard let row = root[path]?.table else {
                problems.append(
                    Problem(
                        .invalidValue, file: displayPath, location: location,
                        message: "'\(path)' must be a table of one issue's keys",
                        fix: "write it as [\"\(path)\"] followed by lines such as 'date = 2025-01-01'"))
                continue
            }
            rows[path] = Dictionary(
                row.keys.compactMap { key in
                    row[key].map { (key.lowercased(), MetadataHeader.strings(of: $0).joined(separator: ", ")) }
                }, uniquingKeysWith: { _, last in last })
            rowLocations[path] = location
        }
        guard problems.isEmpty else { throw HeraldError(problems) }
    }

    /// A warning for each row whose path is not among `paths`, the issues found: a row for a
    /// renamed or mistyped file would otherwise be ignored without a word.
    func unusedRows(given paths: Set<String>) -> [Problem] {
        rows.keys.filter { !paths.contains($0) }.sorted().map { path in
            Problem(
                .invalidValue, severity: .warning, file: displayPath, location: rowLocations[path],
                message: "'\(path)' is not an issue file in the content folder",
                fix: "name the file by its path inside the content folder, as 'issue-1.md' or '2019/issue-1.md'")
        }
    }
}
