import Foundation

/// What one run of the `herald` executable did.
package struct HeraldRun: Sendable {
    package let status: Int32
    package let standardOutput: String
    package let standardError: String
}

/// The `herald` executable `swift build` made, run as a user runs it: the end-to-end tests' one
/// process runner.
package enum HeraldBinary {
    /// Runs the built `herald` with arguments, in a directory, reading both pipes concurrently.
    ///
    /// Both pipes are drained, and the input fed, on threads of their own while the process runs,
    /// so a command that writes more than a pipe holds to one of them never blocks on the other.
    package static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardInput: Data? = nil
    ) throws -> HeraldRun {
        let process = Process()
        process.executableURL = try locatedExecutable()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        let outputData = PipeDrain(output.fileHandleForReading)
        let errorData = PipeDrain(error.fileHandleForReading)
        // A command that exits without reading its input must fail the write, not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let writer = input.fileHandleForWriting
        let fed = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let standardInput { try? writer.write(contentsOf: standardInput) }
            try? writer.close()
            fed.signal()
        }
        process.waitUntilExit()
        fed.wait()
        return HeraldRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData.wait(), as: UTF8.self),
            standardError: String(decoding: errorData.wait(), as: UTF8.self))
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
