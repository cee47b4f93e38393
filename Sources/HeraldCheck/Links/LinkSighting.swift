public import HeraldCore

/// Where a link was featured: the issue, and the line of its entry.
public struct LinkSighting: Hashable, Sendable {
    /// The issue's file, as the folder names it.
    public let file: String
    public let line: Int
    public let number: Int?
    public let date: IssueDate
    /// The issue as ``description`` names it, made once for each issue of the archive's index
    /// rather than for each duplicate found of it.
    private let issue: String

    init(line: Int, inIssue issue: String, file: String, number: Int?, date: IssueDate) {
        (self.file, self.line, self.number, self.date, self.issue) = (file, line, number, date, issue)
    }

    /// "issue 532 (2024-01-31)", or the file name for an issue without a number.
    static func issue(file: String, number: Int?, date: IssueDate) -> String {
        number.map { "issue \($0) (\(date))" } ?? "\(file) (\(date))"
    }

    /// "issue 532 (2024-01-31), line 40", or the file name for an issue without a number.
    public var description: String {
        issue + ", line " + String(line)
    }
}
