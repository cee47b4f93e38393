import Foundation
import HeraldCore
import Testing

@testable import HeraldSite

extension RenderedText {
    /// What the site's writer puts in a file for this rendering: each piece written in turn to a
    /// temporary file, read back.
    func writtenToFile() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        for piece in allPieces { try piece.write(to: WritableFile(descriptor: descriptor)) }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
