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
    /// Why the executable could not be run.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String

        package init(description: String) {
            self.description = description
        }
    }

    /// Runs the built `herald` with arguments, in a directory, reading both pipes concurrently.
    ///
    /// Both pipes are drained on threads of their own while the process runs, so a command that
    /// writes more than a pipe holds to one of them never blocks on the other.
    package static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardInput: Data? = nil
    ) throws -> HeraldRun {
        let process = Process()
        process.executableURL = try executable()
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
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(standardInput) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return HeraldRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData.wait(), as: UTF8.self),
            standardError: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// The executable: `HERALD_BINARY`, else `herald` beside the test bundle in the build folder.
    package static func executable() throws -> URL {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["HERALD_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        if let running = try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let folder = URL(fileURLWithPath: running).deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("herald"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("herald"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("herald"))
        guard let found = candidates.first(where: { manager.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "no herald executable at \(candidates.map(\.path)); run swift build first")
        }
        return found
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
