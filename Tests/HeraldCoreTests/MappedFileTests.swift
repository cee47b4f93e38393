import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// ``FileBytes/of(path:)`` maps a regular file (``MappedFile``), whose released pages leave the
/// process and come back unchanged when touched again, and reads anything else whole.
@Suite struct MappedFileTests {
    @Test("a regular file is mapped byte for byte, and bytes released read the same again", arguments: [1, 70_001])
    func bytesComeBackAfterRelease(size: Int) throws {
        try TemporaryFolder.with("mapped") { folder in
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let url = folder.appendingPathComponent("file")
            try Data(bytes).write(to: url)
            let file = try Self.mapped(url.path)
            #expect(Array(file.bytes) == bytes)
            file.release(size / 3..<size / 2)
            file.release(0..<size)
            file.release(size..<size)
            #expect(Array(file.bytes) == bytes)
        }
    }

    @Test("released pages stop counting towards the process's memory")
    func releasedPagesLeave() throws {
        try TemporaryFolder.with("mapped") { folder in
            let url = folder.appendingPathComponent("file")
            try Data(repeating: 7, count: 4 << 20).write(to: url)
            let file = try Self.mapped(url.path)
            #expect(file.bytes.reduce(0) { $0 &+ Int($1) } == 7 * (4 << 20))
            let touched = try #require(try Self.residentKilobytes(of: file))
            #expect(touched >= 4 << 10)
            file.release(0..<file.bytes.count / 2)
            let half = try #require(try Self.residentKilobytes(of: file))
            #expect(half <= (2 << 10) + 64)
            file.release(file.bytes.count / 2..<file.bytes.count)
            #expect(try Self.residentKilobytes(of: file) == 0)
        }
    }

    @Test("a file that says it is empty is read to its end: an empty one, and one of /proc")
    func anEmptyFileIsRead() throws {
        try TemporaryFolder.with("mapped") { folder in
            let url = folder.appendingPathComponent("empty")
            try Data().write(to: url)
            guard case .read(let empty) = try FileBytes.of(path: url.path) else {
                Issue.record("an empty file was mapped")
                return
            }
            #expect(empty.isEmpty)
        }
        guard case .read(let status) = try FileBytes.of(path: "/proc/self/status") else {
            Issue.record("a file of /proc was mapped")
            return
        }
        #expect(String(decoding: status, as: UTF8.self).contains("VmRSS:"))
    }

    @Test("a named pipe is read whole from its one opening")
    func aPipeIsRead() throws {
        try TemporaryFolder.with("mapped") { folder in
            let url = folder.appendingPathComponent("fifo")
            #expect(mkfifo(url.path, 0o600) == 0)
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/bin/sh")
            writer.arguments = ["-c", "printf 'piped text' > \"$1\"", "sh", url.path]
            try writer.run()
            let input = try FileBytes.of(path: url.path)
            writer.waitUntilExit()
            guard case .read(let bytes) = input else {
                Issue.record("a pipe was mapped")
                return
            }
            #expect(String(decoding: bytes, as: UTF8.self) == "piped text")
        }
    }

    @Test("a missing file and a folder are not read, and the system's reason is given")
    func whatIsNotAFileIsNotRead() throws {
        try TemporaryFolder.with("mapped") { folder in
            #expect(throws: POSIXError(.ENOENT)) {
                try FileBytes.of(path: folder.appendingPathComponent("missing").path)
            }
            #expect(throws: POSIXError(.EISDIR)) { try FileBytes.of(path: folder.path) }
        }
    }

    private static func mapped(_ path: String) throws -> MappedFile {
        guard case .mapped(let file) = try FileBytes.of(path: path) else {
            throw POSIXError(.EINVAL)
        }
        return file
    }

    /// The kilobytes of `file`'s mapping resident in this process, from `/proc/self/smaps`, or
    /// `nil` when the mapping is not listed.
    private static func residentKilobytes(of file: MappedFile) throws -> Int? {
        guard let start = file.bytes.baseAddress else { return nil }
        let address = UInt(bitPattern: start)
        // Read to its end: a file of /proc gives no size to go by.
        let smaps = String(decoding: try ReadableFile.bytes(atPath: "/proc/self/smaps"), as: UTF8.self)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let low = UInt(line[..<dash], radix: 16),
                let space = line.firstIndex(of: " "), let high = UInt(line[line.index(after: dash)..<space], radix: 16)
            {
                inMapping = low <= address && address < high
            } else if inMapping, line.hasPrefix("Rss:") {
                return Int(line.dropFirst(4).split(separator: " ")[0])
            }
        }
        return nil
    }
}
