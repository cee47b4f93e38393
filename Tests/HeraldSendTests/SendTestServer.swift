import Foundation
import HeraldTestSupport

/// A real SMTP server for one test: HeraldTestSupport's `smtp_server.py` (aiosmtpd) on 127.0.0.1 and a
/// free port, writing each accepted message into its folder, misbehaving as `arguments` ask.
final class SendTestServer: @unchecked Sendable {
    /// Whether python3 can import aiosmtpd; tests skip without it, except under CI, where they fail.
    static let isAvailable: Bool = {
        (try? TestProcess.run(program: "python3", ["-c", "import aiosmtpd"]).status) == 0 || SharedFolder.isCI
    }()

    let port: Int
    let folder: URL
    private let process: Process
    private let lifeline: Pipe

    var mailFolder: URL { folder.appendingPathComponent("mail") }
    var url: String { "smtp://127.0.0.1:\(port)" }

    init(_ arguments: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-send-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../HeraldTestSupport/smtp_server.py").standardizedFileURL
        let ready = folder.appendingPathComponent("ready.txt")
        let errors = folder.appendingPathComponent("stderr.txt")
        try Data().write(to: ready)
        try Data().write(to: errors)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, "--folder", folder.appendingPathComponent("mail").path] + arguments
        lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = try FileHandle(forWritingTo: ready)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        for _ in 0..<600 {
            let text = (try? String(contentsOf: ready, encoding: .utf8)) ?? ""
            if text.hasPrefix("READY "), text.hasSuffix("\n"), let port = Int(text.dropFirst(6).dropLast()) {
                self.port = port
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try? lifeline.fileHandleForWriting.close()
        process.terminate()
        throw ToolFailure("smtp_server.py did not start: \((try? String(contentsOf: errors, encoding: .utf8)) ?? "")")
    }

    func stop() {
        try? lifeline.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Every accepted message as Python's `email` package reads it (see Helpers/check_messages.py).
    func messages() throws -> [ReceivedMessage] {
        guard FileManager.default.fileExists(atPath: mailFolder.path) else { return [] }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Helpers/check_messages.py")
        let run = try TestProcess.run(program: "python3", [script.path, mailFolder.path])
        guard run.status == 0 else { throw ToolFailure("check_messages.py failed: \(run.standardError)") }
        return try JSONDecoder().decode([ReceivedMessage].self, from: run.standardOutputData)
    }
}

/// One message as received, read by Python's `email` package.
struct ReceivedMessage: Decodable {
    var envelope: [String]
    var to: String
    var messageID: String
    var listUnsubscribe: String
    var listUnsubscribePost: String
    var htmlLinks: [String]
    var textLinks: [String]
    var subject: String
    var dkim: Bool
    var defects: Int
}

struct ToolFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
