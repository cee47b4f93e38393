public import Foundation

/// The document `herald export --format json` writes: every issue with its metadata and typed
/// sections, described by `docs/issue-schema.json`.
///
/// Keys are sorted and dates are `YYYY-MM-DD`, so two exports of the same files are byte for
/// byte identical and diff cleanly; absent values are left out rather than written as `null`.
public struct IssueExport: Hashable, Sendable, Codable {
    /// The version of the export format; it changes only when a key changes meaning or goes away.
    public static let currentVersion = 1

    public var version: Int
    /// The issues, oldest first (``IssueMetadata/chronologically(_:_:)``).
    public var issues: [Issue]

    public init(issues: [Issue]) {
        self.version = IssueExport.currentVersion
        self.issues = issues.sorted {
            IssueMetadata.chronologically(($0.metadata, $0.file ?? ""), ($1.metadata, $1.file ?? ""))
        }
    }

    /// The export as UTF-8 JSON: indented by two spaces, keys sorted, a final newline.
    public func json() -> Data {
        var writer = JSONWriter(capacity: 64 * 1024 * issues.count)
        write(to: &writer)
        writer.raw("\n")
        return Data(writer.bytes)
    }

    /// Writes ``json()``'s bytes to `file` as they are made, a megabyte at a time: the export of
    /// a 50 MB issue is 200 MB of JSON, which held whole (and copied into `Data`) tripled the
    /// export's peak memory.
    ///
    /// - Throws: the first error writing to `file`.
    package func writeJSON(to file: WritableFile) throws(POSIXError) {
        var writer = JSONWriter(streamingTo: file)
        write(to: &writer)
        writer.raw("\n")
        try writer.finish()
    }

    /// The counts `herald export` reports.
    public var summary: ExportSummary { ExportSummary(issues: issues) }
}
