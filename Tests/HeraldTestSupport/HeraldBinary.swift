import Foundation

/// What one run of the `herald` executable did.
package struct HeraldRun: Sendable {
    package let status: Int32
    package let standardOutput: String
    package let standardError: String
}

/// The built `herald` executable, run as a user runs it.
package enum HeraldBinary {
    /// The executable: `$HERALD_BINARY`, else `herald` beside the test bundle (SwiftPM builds
    /// both into the same products folder).
    package static var url: URL {
        if let path = ProcessInfo.processInfo.environment["HERALD_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the bundle's executable sits inside `X.xctest/Contents/MacOS`.
        while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("herald")
    }

    /// Runs the built `herald` with arguments, in a directory, reading both pipes concurrently.
    package static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardInput: Data? = nil
    ) throws -> HeraldRun {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        // A child that fills one pipe while the other is read would wait forever: read stderr
        // and feed stdin on their own threads.
        let errorText = PipeText()
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            errorText.set(error.fileHandleForReading.readDataToEndOfFile())
            done.leave()
        }
        let writer = input.fileHandleForWriting
        if let standardInput {
            done.enter()
            DispatchQueue.global().async {
                try? writer.write(contentsOf: standardInput)
                try? writer.close()
                done.leave()
            }
        } else {
            try? writer.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return HeraldRun(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: errorText.text)
    }
}

/// Standard error's bytes, handed from the thread that reads them.
private final class PipeText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ data: Data) {
        lock.withLock { self.data = data }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
