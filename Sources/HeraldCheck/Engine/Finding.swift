public import HeraldCore

/// One thing `herald check` reports: the problem (rule, severity, place, message, advice), the
/// edit that repairs it when the rule is fixable, and the source line for display.
public struct Finding: Hashable, Sendable {
    /// ``Problem/code`` is the rule id.
    public var problem: Problem
    /// The safe repair `--fix` applies, if any.
    public var edit: TextEdit?
    /// The reported line as written, for the caret display.
    public var lineText: String?

    public init(problem: Problem, edit: TextEdit? = nil, lineText: String? = nil) {
        self.problem = problem
        self.edit = edit
        self.lineText = lineText
    }

    public var rule: ProblemCode { problem.code }
    public var severity: Severity { problem.severity }
}
