package import Foundation

/// A new empty folder for one test, removed when the test's body returns, however it returns.
package enum TemporaryFolder {
    /// Calls `body` with a new empty folder whose name starts with `prefix`.
    package static func with(_ prefix: String, _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }
}
