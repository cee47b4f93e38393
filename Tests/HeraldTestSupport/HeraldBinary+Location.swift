package import Foundation

/// Why the `herald` executable could not be found or talked to.
package struct HeraldProcessFailure: Error, CustomStringConvertible {
    package var description: String

    package init(description: String) {
        self.description = description
    }
}

extension HeraldBinary {
    /// The executable: `HERALD_BINARY`, else `herald` beside the test bundle in the build folder;
    /// for tests that start it as a long-running process (`herald serve`, a build to kill).
    package static func locatedExecutable() throws -> URL {
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
            let paths = candidates.map(\.path)
            throw HeraldProcessFailure(description: "no herald executable at \(paths); run swift build first")
        }
        return found
    }
}
