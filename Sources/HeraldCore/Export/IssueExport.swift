import Foundation

/// The document `herald export --format json` writes: every issue with its metadata and typed
/// sections, described by `docs/issue-schema.json`.
///
/// Keys are sorted and dates are `YYYY-MM-DD`, so two exports of the same files are byte for
/// byte identical and diff cleanly; absent values are left out rather than written as `null`.
public struct IssueExport: Hashable, Sendable, Codable {
    /// The version of the export format; it changes only when a key changes meaning or goes away.
    public static let currentVersion = 1

    public var version: Int
    /// The issues, oldest first (by date, then file).
    public var issues: [Issue]

    public init(issues: [Issue]) {
        self.version = IssueExport.currentVersion
        self.issues = issues.sorted { lhs, rhs in
            (lhs.metadata.date, lhs.file ?? "") < (rhs.metadata.date, rhs.file ?? "")
        }
    }

    /// The export as UTF-8 JSON, pretty-printed with sorted keys and a final newline.
    public func json() throws(ExportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(self)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw ExportError.encodingFailed(String(describing: error))
        }
    }

    /// The counts `herald export` reports.
    public var summary: ExportSummary { ExportSummary(issues: issues) }
}

/// Why an export could not be produced.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The model could not be encoded (a value JSON cannot represent).
    case encodingFailed(String)
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .encodingFailed(let reason): "cannot encode the export as JSON: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): cannot write the export (\(reason)); check the folder exists and is writable"
        }
    }
}
