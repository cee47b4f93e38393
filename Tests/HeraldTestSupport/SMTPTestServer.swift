public import Foundation
public import HeraldSMTP

/// A real SMTP server for one test: `smtp_server.py` (aiosmtpd) on 127.0.0.1 and a free port, in its
/// own temporary folder where each received message lands as a file.
public final class SMTPTestServer: @unchecked Sendable {
    /// Whether python3 can import aiosmtpd; tests skip without it, except under CI, where they fail.
    public static let isAvailable: Bool = {
        guard let process = try? launch(["python3", "-c", "import aiosmtpd"]) else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    public static let user = "ann"
    public static let password = "correct horse"

    public let port: Int
    public let folder: URL
    /// The self-signed certificate the server presents, when it speaks TLS.
    public let certificate: String?
    private let process: Process
    /// The server's stdin: closing it ends the server, also when the test process dies.
    private let lifeline: Pipe

    private init(port: Int, folder: URL, certificate: String?, process: Process, lifeline: Pipe) {
        self.port = port
        self.folder = folder
        self.certificate = certificate
        self.process = process
        self.lifeline = lifeline
    }

    /// Runs `body` with a server started with `arguments` (see smtp_server.py), and stops it afterwards.
    /// `tls` makes a certificate for 127.0.0.1 with openssl and hands it to the server.
    public static func with<T>(
        _ arguments: [String] = [], tls: Bool = false, _ body: (SMTPTestServer) async throws -> T
    ) async throws -> T {
        let server = try await start(arguments, tls: tls)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func start(_ arguments: [String], tls: Bool) async throws -> SMTPTestServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var tlsArguments: [String] = []
        var certificate: String?
        if tls {
            let cert = folder.appendingPathComponent("cert.pem").path
            let key = folder.appendingPathComponent("key.pem").path
            let openssl = try await runToEnd([
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
            guard openssl == 0 else { throw TestServerError("openssl could not make a certificate") }
            tlsArguments = ["--cert", cert, "--key", key]
            certificate = cert
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "smtp_server.py")
        let ready = folder.appendingPathComponent("ready.txt")
        let errors = folder.appendingPathComponent("stderr.txt")
        try Data().write(to: ready)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, "--folder", folder.appendingPathComponent("mail").path]
            + tlsArguments + arguments
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = try FileHandle(forWritingTo: ready)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        for _ in 0..<1200 {
            let text = (try? String(contentsOf: ready, encoding: .utf8)) ?? ""
            if text.hasPrefix("READY "), text.hasSuffix("\n"), let port = Int(text.dropFirst(6).dropLast()) {
                return SMTPTestServer(
                    port: port, folder: folder, certificate: certificate, process: process, lifeline: lifeline)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try? lifeline.fileHandleForWriting.close()
        process.terminate()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        throw TestServerError("smtp_server.py did not start: \(stderr)")
    }

    public func stop() async {
        try? lifeline.fileHandleForWriting.close()
        process.terminate()
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// `smtp://ann@127.0.0.1:PORT` (or smtps), with the password from a test environment and this
    /// server's certificate trusted.
    public func configuration(
        scheme: String = "smtp", user: String? = SMTPTestServer.user, password: String = SMTPTestServer.password
    )
        throws -> SMTPConfiguration
    {
        let userPart = user.map { "\($0)@" } ?? ""
        var configuration = try SMTPConfiguration(
            url: "\(scheme)://\(userPart)127.0.0.1:\(port)", environment: ["HERALD_SMTP_PASSWORD": password])
        configuration.additionalTrustFile = certificate
        configuration.timeouts = SMTPTimeouts(connect: .seconds(10), command: .seconds(20), operation: .seconds(60))
        return configuration
    }

    /// A message as the server stored it: the bytes after DATA, dot-stuffing undone, and the envelope.
    public struct Received: Sendable {
        public var content: [UInt8]
        public var from: String
        public var to: [String]
        public var mailOptions: [String]
        public var connection: Int
        public var tls: Bool
        public var authenticated: Bool

        public var text: String { String(decoding: content, as: UTF8.self) }
    }

    /// Every message accepted so far, in order.
    public func received() throws -> [Received] {
        let mail = folder.appendingPathComponent("mail")
        let names = try FileManager.default.contentsOfDirectory(atPath: mail.path).filter { $0.hasSuffix(".eml") }
            .sorted()
        return try names.map { name in
            let content = try Data(contentsOf: mail.appendingPathComponent(name))
            let record = try Data(contentsOf: mail.appendingPathComponent(String(name.dropLast(4)) + ".json"))
            let envelope = try JSONDecoder().decode(Envelope.self, from: record)
            return Received(
                content: Array(content), from: envelope.from, to: envelope.to, mailOptions: envelope.mailOptions,
                connection: envelope.connection, tls: envelope.tls, authenticated: envelope.authenticated)
        }
    }

    /// The commands seen, as `(connection, command)`: `MAIL`, `RCPT`, `RSET`, `DATA`.
    public func commands() throws -> [(connection: Int, command: String)] {
        let log = folder.appendingPathComponent("mail/commands.log")
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (Int(parts[0]) ?? -1, String(parts[1]))
        }
    }

    private struct Envelope: Decodable {
        var from: String
        var to: [String]
        var mailOptions: [String]
        var connection: Int
        var tls: Bool
        var authenticated: Bool

        /// The server script writes Python's names.
        enum CodingKeys: String, CodingKey {
            case from, to, connection, tls, authenticated
            case mailOptions = "mail_options"
        }
    }

    private static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a tool to its end without blocking a thread of the test pool; returns its exit status.
    private static func runToEnd(_ arguments: [String]) async throws -> Int32 {
        let process = try launch(arguments)
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return process.terminationStatus
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
