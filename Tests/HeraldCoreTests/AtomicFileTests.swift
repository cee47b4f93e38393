import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// ``AtomicFile/replace(at:displayPath:newFilePermissions:writing:)`` replaces the file a path
/// names, not whatever sits at the path: a link's target, a file's permissions and a device are
/// left what they were.
@Suite struct AtomicFileTests {
    /// A new empty folder, removed when `body` returns.
    func inFolder(_ body: (URL) throws -> Void) throws {
        try TemporaryFolder.with("atomic", body)
    }

    func replace(_ url: URL, with text: String, newFilePermissions: mode_t = 0o666) throws {
        try AtomicFile.replace(at: url, displayPath: url.lastPathComponent, newFilePermissions: newFilePermissions) {
            file throws(POSIXError) in try file.write(text)
        }
    }

    func status(of url: URL) -> stat {
        var status = stat()
        lstat(url.path, &status)
        return status
    }

    @Test("an existing file keeps its permissions; a new one gets those asked for")
    func permissionsAreKept() throws {
        try inFolder { folder in
            let secret = folder.appendingPathComponent("secret.txt")
            try Data("old\n".utf8).write(to: secret)
            chmod(secret.path, 0o640)
            try replace(secret, with: "new\n")
            #expect(try String(contentsOf: secret, encoding: .utf8) == "new\n")
            #expect(status(of: secret).st_mode & 0o7777 == 0o640)

            let list = folder.appendingPathComponent("list.csv")
            try replace(list, with: "address\n", newFilePermissions: 0o600)
            #expect(status(of: list).st_mode & 0o7777 == 0o600)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["list.csv", "secret.txt"])
        }
    }

    @Test("a symbolic link is followed: its target is replaced and the link stays a link")
    func linksAreFollowed() throws {
        try inFolder { folder in
            let elsewhere = folder.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            let target = elsewhere.appendingPathComponent("issue.md")
            try Data("old\n".utf8).write(to: target)
            let link = folder.appendingPathComponent("issue.md")
            #expect(symlink("elsewhere/issue.md", link.path) == 0)
            try replace(link, with: "new\n")
            #expect(status(of: link).st_mode & S_IFMT == S_IFLNK)
            #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")

            // A link to a file not made yet makes that file.
            let dangling = folder.appendingPathComponent("later.json")
            #expect(symlink("elsewhere/later.json", dangling.path) == 0)
            try replace(dangling, with: "{}\n")
            #expect(status(of: dangling).st_mode & S_IFMT == S_IFLNK)
            #expect(try String(contentsOf: elsewhere.appendingPathComponent("later.json"), encoding: .utf8) == "{}\n")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == [
                    "issue.md", "later.json",
                ])
        }
    }

    @Test("a pipe is written straight into and stays a pipe")
    func pipesAreWrittenInto() throws {
        try inFolder { folder in
            let pipe = folder.appendingPathComponent("pipe")
            #expect(mkfifo(pipe.path, 0o600) == 0)
            // The reader opens the pipe on a thread of its own: opening either end waits for the other.
            final class Received: @unchecked Sendable { var data: Data? }
            let received = Received()
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                let descriptor = open(pipe.path, O_RDONLY)
                var data = Data()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while descriptor >= 0, case let count = read(descriptor, &buffer, buffer.count), count > 0 {
                    data.append(contentsOf: buffer[..<count])
                }
                close(descriptor)
                received.data = data
                done.signal()
            }
            try replace(pipe, with: "through the pipe\n")
            #expect(done.wait(timeout: .now() + 10) == .success)
            #expect(received.data == Data("through the pipe\n".utf8))
            #expect(status(of: pipe).st_mode & S_IFMT == S_IFIFO)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
        }
    }

    @Test("a folder is refused, and nothing is left beside it")
    func foldersAreRefused() throws {
        try inFolder { folder in
            let inner = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            let error = #expect(throws: HeraldError.self) { try replace(inner, with: "x") }
            #expect(error?.problems.first?.message.contains("Is a directory") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
        }
    }
}
