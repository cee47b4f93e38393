public import Foundation

extension Insights {
    /// The insights of exported issues, each referred to by its file (or its date when it has
    /// none): what `herald export --insights` writes.
    public init(export: IssueExport) {
        self.init(
            issues: export.issues.map { issue in
                let metadata = issue.metadata
                let id = issue.file ?? metadata.date.description
                let reference = IssueReference(
                    id: id, title: metadata.title, number: metadata.number, date: metadata.date)
                return (reference, issue)
            })
    }

    /// Pretty-printed JSON with sorted keys, so two exports of one archive compare line by line.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
