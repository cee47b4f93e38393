/// The error a Herald step throws when it cannot finish: one or more error ``Problem``s.
///
/// Steps that check a whole file (like reading `herald.toml`) report every problem at
/// once, so the user fixes them in one pass instead of one per run.
public struct HeraldError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        precondition(!problems.isEmpty, "a HeraldError needs at least one problem")
        self.problems = problems
    }

    public init(_ problem: Problem) {
        self.problems = [problem]
    }

    /// The same problems placed in `file` where they had no file yet.
    public func `in`(file: String) -> HeraldError {
        HeraldError(problems.map { $0.file == nil ? $0.in(file: file) : $0 })
    }

    public var description: String {
        let formatter = ProblemFormatter()
        return problems.map { formatter.format($0) }.joined(separator: "\n")
    }
}
