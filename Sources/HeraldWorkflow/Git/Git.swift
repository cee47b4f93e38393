import Foundation
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let command = "git " + arguments.joined(separator: " ")
        do {
            try process.run()
        } catch {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .gitFailed, message: "cannot run '\(command)' (\(error.localizedDescription))",
                    fix: "install git, or check that it is on the PATH"))
        }
        // Both pipes are drained at once: a full standard error would otherwise stall git.
        let errorData = ErrorBuffer()
        let errorReader = Thread {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        errorReader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errorData.wait(), as: UTF8.self).trimmingWhitespace
        guard process.terminationStatus == 0 else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .gitFailed, file: directory.path,
                    message: "'\(command)' failed: " + (message.isEmpty ? "exit status \(process.terminationStatus)" : message)))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Standard error as read by another thread, handed over once.
private final class ErrorBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ data: Data) {
        condition.lock()
        self.data = data
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}
