public import HeraldCore
import HeraldMarkdown

/// One thing `herald check` reports: the problem (rule, severity, place, message, advice), the
/// edit that repairs it when the rule is fixable, and the source line for display.
public struct Finding: Hashable, Sendable {
    /// ``Problem/code`` is the rule id.
    public var problem: Problem
    /// The safe repair `--fix` applies, if any.
    public var edit: TextEdit?
    /// The reported line as written, for the caret display.
    public var lineText: String? { line?.text }
    private let line: SourceLine?

    public init(problem: Problem, edit: TextEdit? = nil, lineText: String? = nil) {
        self.init(problem: problem, edit: edit, line: lineText.map(SourceLine.init(text:)))
    }

    init(problem: Problem, edit: TextEdit?, line: SourceLine?) {
        self.problem = problem
        self.edit = edit
        self.line = line
    }

    /// `rule`'s finding at `location` in the file at `path`, at the rule's own severity unless
    /// `severity` is given: the one place a rule's severity is looked up.
    init(
        _ rule: ProblemCode, file path: String, at location: SourceLocation, line: SourceLine, _ message: String,
        fix: String? = nil, edit: TextEdit? = nil, severity: Severity? = nil
    ) {
        let severity = severity ?? CheckRule.rule(withID: rule.rawValue)?.defaultSeverity ?? .error
        self.init(
            problem: Problem(rule, severity: severity, file: path, location: location, message: message, fix: fix),
            edit: edit, line: line)
    }

    public var rule: ProblemCode { problem.code }
    public var severity: Severity { problem.severity }
}
