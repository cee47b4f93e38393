package import Foundation

/// The installed `git`, run once in a folder: the one way Herald asks a repository anything.
///
/// Git's porcelain is the stable interface to a repository; running the editor's own git reads
/// it exactly as they do and keeps Herald free of a libgit2 dependency. Git never prompts (no
/// terminal, no pager), speaks English whatever the locale, and both of its outputs are read at
/// once, since a full standard error would otherwise stall it while its output is read.
package struct GitProcess: Sendable {
    /// What one command gave.
    package struct Outcome: Sendable {
        package var status: Int32
        package var output: [UInt8]
        package var error: [UInt8]

        package init(status: Int32, output: [UInt8], error: [UInt8]) {
            (self.status, self.output, self.error) = (status, output, error)
        }

        package var succeeded: Bool { status == 0 }
        /// Standard output as text.
        package var text: String { String(decoding: output, as: UTF8.self) }
        /// Standard error as text, trimmed: git's own explanation of a failure.
        package var message: String {
            String(decoding: error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Git cannot be started at all (not installed, not on the `PATH`).
    package struct LaunchFailure: Error, Sendable {
        package var reason: String
    }

    /// Where the commands run.
    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    /// Runs `git arguments…` to its end.
    package func run(_ arguments: [String]) throws(LaunchFailure) -> Outcome {
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
        do {
            try process.run()
        } catch {
            throw LaunchFailure(reason: error.localizedDescription)
        }
        let errorData = HandOver()
        let errorReader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: Array(data), error: Array(errorData.wait()))
    }
}

/// Standard error as read by another thread, handed over once.
private final class HandOver: @unchecked Sendable {
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
