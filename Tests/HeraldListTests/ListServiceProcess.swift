import Foundation
import HeraldList
import HeraldTestSupport
import PostgresNIO

/// A running `herald list serve` for one test: a newsletter folder whose herald.toml points at a
/// store of the given backend and at a test SMTP server, the built executable listening on a
/// free port, and its log.
final class ListServiceProcess: @unchecked Sendable {
    let folder: URL
    let port: Int
    let secret: String
    let database: String
    let backend: StoreBackend
    private var process: Process
    private let arguments: [String]
    private let environment: [String: String]
    private let log: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The signer the service uses, for tokens a test makes itself.
    var signer: ListTokenSigner { ListTokenSigner(secret: try! ListSecret(secret)) }

    private init(
        folder: URL, port: Int, secret: String, database: String, backend: StoreBackend, arguments: [String],
        environment: [String: String]
    ) throws {
        self.folder = folder
        self.port = port
        self.secret = secret
        self.database = database
        self.backend = backend
        self.arguments = arguments
        self.environment = environment
        log = folder.appendingPathComponent("serve.log")
        process = Process()
    }

    /// Starts the service with `database` (a SQLite path or a PostgreSQL URL) and `smtp`, runs
    /// `body`, then stops the service and removes the folder.
    static func with<T>(
        backend: StoreBackend, database: String, smtp: SMTPTestServer, tlsRelay: Bool, extraArguments: [String] = [],
        theme: [String: String] = [:], _ body: (ListServiceProcess) async throws -> T
    ) async throws -> T {
        let folder = try TestStores.temporaryFolder()
        let port = try FreePort.pick()
        let secret = (0..<8).map { _ in UUID().uuidString }.joined()
        let relay = tlsRelay ? "smtp://\(SMTPTestServer.user)@127.0.0.1:\(smtp.port)" : "smtp://127.0.0.1:\(smtp.port)"
        var toml = """
            [site]
            title = "This Week in Quill"
            base_url = "https://quill.example"

            [list]
            database = "\(database)"
            url = "http://127.0.0.1:\(port)/"
            smtp = "\(relay)"
            from = "Quill Newsletter <news@quill.example>"

            """
        if let certificate = smtp.certificate { toml += "smtp_trust = \"\(certificate)\"\n" }
        try Data(toml.utf8).write(to: folder.appendingPathComponent("herald.toml"))
        if !theme.isEmpty {
            let themeFolder = folder.appendingPathComponent("theme")
            try FileManager.default.createDirectory(at: themeFolder, withIntermediateDirectories: true)
            for (name, text) in theme { try Data(text.utf8).write(to: themeFolder.appendingPathComponent(name)) }
        }
        let service = try ListServiceProcess(
            folder: folder, port: port, secret: secret, database: database, backend: backend,
            arguments: ["list", "serve", "--folder", folder.path, "--port", String(port)] + extraArguments,
            environment: ["HERALD_LIST_SECRET": secret, "HERALD_SMTP_PASSWORD": SMTPTestServer.password])
        try await service.start()
        do {
            let result = try await body(service)
            await service.stop()
            try? FileManager.default.removeItem(at: folder)
            return result
        } catch {
            await service.stop()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Starts (or restarts) the executable and waits until it listens.
    func start() async throws {
        process = Process()
        process.executableURL = try HeraldBinary.locatedExecutable()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = folder.appendingPathComponent("serve.out")
        try Data().write(to: output)
        if !FileManager.default.fileExists(atPath: log.path) { try Data().write(to: log) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        let errors = try FileHandle(forWritingTo: log)
        errors.seekToEndOfFile()
        process.standardError = errors
        try process.run()
        for _ in 0..<600 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if text.contains("listening on http://127.0.0.1:\(port)\n") { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw TestFailure("herald list serve did not start: \(logText)")
    }

    /// Kills the service with `signal` (SIGKILL: no chance to finish anything) and waits for it.
    func kill(_ signal: Int32 = SIGKILL) async {
        Glibc.kill(process.processIdentifier, signal)
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    }

    /// Asks the service to stop, as a supervisor does, and kills it if it has not after five seconds.
    func stop() async {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGTERM)
        for _ in 0..<250 where process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { await kill(SIGKILL) }
    }

    /// Whether the service has exited, and with which status.
    var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Opens the service's store beside it (SQLite readers do not block the writer), runs `body`.
    func withStore<T>(_ body: (any SubscriberStore) async throws -> T) async throws -> T {
        let store: any SubscriberStore =
            backend == .sqlite
            ? try SQLiteSubscriberStore(path: database)
            : try await PostgresSubscriberStore.connect(to: try PostgresURL(database), password: nil)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A port nothing listens on, found by binding port 0 and closing the socket again.
enum FreePort {
    static func pick() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("cannot make a socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socket, raw, length) == 0 && getsockname(socket, raw, &length) == 0
            }
        }
        guard bound else { throw TestFailure("cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
