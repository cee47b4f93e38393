import HeraldMarkdown

/// What section readers need besides the blocks: where the body sits in the file, the issue's
/// date (old event lists omit the year), and where to record problems.
struct ReadingContext {
    var path: String?
    /// Lines of the file before the Markdown body.
    var lineOffset: Int
    var issueDate: IssueDate
    private(set) var problems: [Problem] = []

    init(path: String?, lineOffset: Int, issueDate: IssueDate) {
        self.path = path
        self.lineOffset = lineOffset
        self.issueDate = issueDate
    }

    func span(of node: MarkdownNode) -> SourceSpan {
        SourceSpan(node, lineOffset: lineOffset)
    }

    /// Records a warning about `node`: the issue is still read, the entry may be incomplete.
    mutating func warn(_ code: ProblemCode, at node: MarkdownNode, _ message: String, fix: String? = nil) {
        problems.append(
            Problem(code, severity: .warning, file: path, location: span(of: node).start, message: message, fix: fix))
    }
}
