import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// ``ReadableFile/bytes(atPath:)`` gives back every byte of a file, whatever its size, and
/// `nil` for what cannot be read as one.
@Suite struct ReadableFileTests {
    /// A new empty folder, removed when `body` returns.
    func inFolder(_ body: (URL) throws -> Void) throws {
        try TemporaryFolder.with("readable", body)
    }

    @Test("files empty, small and of several reads' size come back byte for byte", arguments: [0, 1, 4095, 70_001])
    func bytesComeBack(size: Int) throws {
        try inFolder { folder in
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let url = folder.appendingPathComponent("file")
            try Data(bytes).write(to: url)
            #expect(try ReadableFile.bytes(atPath: url.path) == bytes)
        }
    }

    @Test("a named pipe, which has no size to go by, is read to its end")
    func aFileWithoutASizeIsReadToTheEnd() throws {
        // `fstat` gives a pipe no size, so every byte comes from the reads after the first.
        let script = "head -c 200000 /dev/zero > \"$1\""
        try inFolder { folder in
            let url = folder.appendingPathComponent("fifo")
            #expect(mkfifo(url.path, 0o600) == 0)
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/bin/sh")
            writer.arguments = ["-c", script, "sh", url.path]
            try writer.run()
            let bytes = try ReadableFile.bytes(atPath: url.path)
            writer.waitUntilExit()
            #expect(bytes.count == 200_000)
            #expect(bytes.allSatisfy { $0 == 0 })
        }
    }

    @Test("a missing file and a folder are not read, and the system's reason is given")
    func whatIsNotAFileIsNotRead() throws {
        try inFolder { folder in
            #expect(throws: POSIXError(.ENOENT)) {
                try ReadableFile.bytes(atPath: folder.appendingPathComponent("missing").path)
            }
            #expect(throws: POSIXError(.EISDIR)) { try ReadableFile.bytes(atPath: folder.path) }
        }
    }
}
