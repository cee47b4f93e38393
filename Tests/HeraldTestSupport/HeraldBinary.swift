package import Foundation

/// The `herald` executable `swift build` made, run as a user runs it, through ``TestProcess``.
package enum HeraldBinary {
    /// Runs the built `herald` with arguments, in a directory, reading both pipes concurrently.
    package static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        standardInput: Data? = nil
    ) throws -> ProcessRun {
        try TestProcess.run(
            locatedExecutable(), arguments, in: directory, environment: environment, standardInput: standardInput)
    }
}
