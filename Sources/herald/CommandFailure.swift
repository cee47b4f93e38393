import HeraldCore
import HeraldList
import HeraldSend
import HeraldWorkflow

/// A failure a verb ends with: the lines it prints and the kind of exit it means.
///
/// Verbs throw what went wrong as it is; ``Herald/main()`` prints it and exits with its
/// ``ExitKind``, so the statuses are decided in one place and no verb maps them again.
protocol CommandFailure: Error {
    /// What to print on standard error, one line each.
    var messages: [String] { get }
    var exitKind: ExitKind { get }
}

extension CommandFailure {
    /// `problems` as `path:line:column: reason; fix` lines.
    static func lines(_ problems: [Problem]) -> [String] {
        let formatter = ProblemFormatter()
        return problems.map { formatter.format($0) }
    }
}

/// A Herald error no verb handled: the input was unusable.
extension HeraldError: CommandFailure {
    var messages: [String] { Self.lines(problems) }
    var exitKind: ExitKind { .unusable }
}

extension WorkflowFailure: CommandFailure {
    var messages: [String] { Self.lines(problems) }
    var exitKind: ExitKind { kind.exit }
}

extension SendError: CommandFailure {
    var messages: [String] { ["error: \(self)"] }
    var exitKind: ExitKind { code.exit }
}

extension ListStoreError: CommandFailure {
    var messages: [String] { ["error: \(self)"] }
    var exitKind: ExitKind { isConnectionFailure ? .unreachable : .unusable }
}

extension ListImportError: CommandFailure {
    var messages: [String] { ["error: \(self)"] }
    var exitKind: ExitKind { .unusable }
}
