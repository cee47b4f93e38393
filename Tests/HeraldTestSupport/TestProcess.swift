package import Foundation

/// What one run of a process did.
package struct ProcessRun: Sendable {
    package let status: Int32
    package let standardOutputData: Data
    package let standardError: String

    package var standardOutput: String { String(decoding: standardOutputData, as: UTF8.self) }
}

/// The tests' one way to run another program (`herald`, git, python3, node, gzip) and read what
/// it wrote.
///
/// Both pipes are drained, and the input fed, on threads of their own while the process runs, so
/// a program that writes more than a pipe holds to one of them never blocks on the other or on a
/// test that reads them only at the end.
package enum TestProcess {
    /// Runs `executable` and waits for it.
    package static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardInput: Data? = nil
    ) throws -> ProcessRun {
        let started = try Started(executable, arguments, in: directory, environment: environment, input: standardInput)
        started.process.waitUntilExit()
        return started.finish()
    }

    /// Runs `executable` without blocking the caller's thread, for a test whose own process
    /// serves the run's requests (a fixture server on 127.0.0.1).
    package static func running(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) async throws -> ProcessRun {
        let exited = DispatchSemaphore(value: 0)
        let started = try Started(
            executable, arguments, in: directory, environment: environment, input: nil, onExit: { exited.signal() })
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                exited.wait()
                continuation.resume()
            }
        }
        return started.finish()
    }

    /// Runs a program found on the `PATH` (`git`, `python3`), through `/usr/bin/env`.
    package static func run(
        program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardInput: Data? = nil
    ) throws -> ProcessRun {
        try run(
            URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments, in: directory, environment: environment,
            standardInput: standardInput)
    }

    /// A process started with its pipes being drained and its input being fed.
    private struct Started {
        let process = Process()
        let output: PipeDrain
        let error: PipeDrain
        let fed = DispatchSemaphore(value: 0)

        init(
            _ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String],
            input: Data?, onExit: (@Sendable () -> Void)? = nil
        ) throws {
            process.executableURL = executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let outputPipe = Pipe()
            let errorPipe = Pipe()
            let inputPipe = Pipe()
            process.standardOutput = outputPipe
            process.standardError = errorPipe
            process.standardInput = inputPipe
            if let onExit { process.terminationHandler = { _ in onExit() } }
            output = PipeDrain(outputPipe.fileHandleForReading)
            error = PipeDrain(errorPipe.fileHandleForReading)
            // A program that exits without reading its input must fail the write, not kill the tests.
            signal(SIGPIPE, SIG_IGN)
            try process.run()
            let writer = inputPipe.fileHandleForWriting
            let fed = fed
            Thread.detachNewThread {
                if let input { try? writer.write(contentsOf: input) }
                try? writer.close()
                fed.signal()
            }
        }

        /// What the exited process wrote, once both pipes are closed.
        func finish() -> ProcessRun {
            fed.wait()
            return ProcessRun(
                status: process.terminationStatus, standardOutputData: output.wait(),
                standardError: String(decoding: error.wait(), as: UTF8.self))
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe carried, once its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
