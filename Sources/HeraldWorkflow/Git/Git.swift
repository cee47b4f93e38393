public import Foundation
import HeraldCore

/// The `git` command, run in one directory: how `herald submissions` reads who added what.
///
/// Git's own porcelain is the stable interface to a repository; running the installed `git`
/// keeps Herald free of a libgit2 dependency and reads the repository exactly as the editor's
/// own git does.
public struct Git: Sendable {
    /// Where the commands run.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Runs `git arguments…` and returns its standard output.
    ///
    /// - Throws: ``WorkflowFailure`` of kind ``WorkflowFailure/Kind/unusable`` with git's own message
    ///   when it cannot be started or exits with a failure.
    @discardableResult
    public func run(_ arguments: [String]) throws(WorkflowFailure) -> String {
        let command = "git " + arguments.joined(separator: " ")
        let outcome: GitProcess.Outcome
        do {
            outcome = try GitProcess(directory: directory).run(arguments)
        } catch {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .gitFailed, message: "cannot run '\(command)' (\(error.reason))",
                    fix: "install git, or check that it is on the PATH"))
        }
        guard outcome.succeeded else {
            let message = outcome.message
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .gitFailed, file: directory.path,
                    message: "'\(command)' failed: " + (message.isEmpty ? "exit status \(outcome.status)" : message)))
        }
        return outcome.text
    }
}
