import HeraldMarkdown

/// Renders a ``Problem`` as the one-line `file:line:column: message` form that terminals,
/// editors and CI logs recognise.
///
/// Errors carry no severity word, warnings say `warning:`; a fix follows after `; `.
public struct ProblemFormatter: Sendable {
    public init() {}

    public func format(_ problem: Problem) -> String {
        var text = ""
        if let file = problem.file {
            text += file
            if let location = problem.location {
                text += ":\(location.line):\(location.column)"
            }
            text += ": "
        }
        if problem.severity == .warning {
            text += "warning: "
        }
        text += problem.message
        if let fix = problem.fix {
            text += "; \(fix)"
        }
        return text
    }
}
