public import HeraldCore

/// Where a link was featured: the issue, and the line of its entry.
public struct LinkSighting: Hashable, Sendable {
    /// The issue's file, as the folder names it.
    public var file: String
    public var line: Int
    public var number: Int?
    public var date: IssueDate
    /// The issue's place in the archive, oldest first.
    var order: Int

    /// "issue 532 (2024-01-31), line 40", or the file name for issues without a number.
    public var description: String {
        let issue = number.map { "issue \($0) (\(date))" } ?? "\(file) (\(date))"
        return "\(issue), line \(line)"
    }
}
