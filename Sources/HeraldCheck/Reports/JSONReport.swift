import Foundation
package import HeraldCore
import HeraldMarkdown

/// The machine form: one array of findings, each `{column, file, fix, line, message, rule,
/// severity}` with its keys sorted and every key present (`null` when a finding has no file,
/// place or fix), written with ``JSONWriter``.
enum JSONReport {
    /// The findings are written where the report keeps them: wrapped one by one into an array
    /// of entries first, each was copied.
    static func bytes(of report: CheckReport) -> [UInt8] {
        var json = JSONWriter(capacity: 320 * report.findings.count + 4)
        json.array(report.findings)
        json.raw("\n")
        return json.bytes
    }

    /// ``bytes(of:)`` written to `file` as they are made, a megabyte at a time.
    static func write(_ report: CheckReport, to file: WritableFile) throws(POSIXError) {
        var json = JSONWriter(streamingTo: file)
        json.array(report.findings)
        json.raw("\n")
        try json.finish()
    }
}

extension Finding: JSONWritable {
    /// The finding as ``JSONReport`` writes it.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("column", orNull: problem.location?.column)
            json.field("file", orNull: problem.file)
            json.field("fix", orNull: problem.fix)
            json.field("line", orNull: problem.location?.line)
            json.field("message", problem.message)
            json.field("rule", rule.rawValue)
            json.field("severity", severity.rawValue)
        }
    }
}
