import Foundation
import HeraldList
import HeraldTestSupport
import Logging
import PostgresNIO
import Testing

/// `herald send --worker`: three workers share one send through PostgreSQL; one is killed midway
/// and its claimed batch is taken over when its lease expires.
@Suite(.serialized)
struct WorkerTests {
    static var serverURL: String? {
        ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var runs: Bool { serverURL != nil || SharedFolder.isCI }
    static let logger = Logger(label: "herald.send.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test(.enabled(if: runs && SendTestServer.isAvailable))
    func threeWorkersOneKilledEveryoneGetsItOnce() async throws {
        let server = try SendTestServer()
        defer { server.stop() }
        try await Self.withDatabase { url in
            let fixture = try await SendFixture(subscriberCount: 90, relay: server.url, postgres: url)
            var workers: [Process] = []
            for _ in 0..<3 {
                let process = Process()
                process.executableURL = try HeraldBinary.locatedExecutable()
                process.arguments = [
                    "send", "41", "--worker", "--batch", "10", "--lease", "2", "--rate", "15", "--connections", "1",
                    "--folder", fixture.folder.path,
                ]
                process.environment = ProcessInfo.processInfo.environment.merging([
                    "HERALD_LIST_SECRET": SendFixture.secret
                ]) { $1 }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                workers.append(process)
            }
            for _ in 0..<100 {
                if try server.messageCount() >= 20 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            kill(workers[0].processIdentifier, SIGKILL)
            for worker in workers { worker.waitUntilExit() }
            #expect(workers[1].terminationStatus == 0)
            #expect(workers[2].terminationStatus == 0)

            let recipients = try server.messages().flatMap(\.envelope)
            #expect(Set(recipients) == Set(fixture.subscribers.keys))
            // Only what the killed worker had in flight may repeat: one connection, one commit.
            #expect(recipients.count - Set(recipients).count <= 2)
            // The send is finished: a fourth worker finds nothing to do.
            let late = try fixture.herald(["send", "41", "--worker"])
            #expect(late.status == 2)
            #expect(late.standardError.contains("sent already"))
        }
    }

    @Test(.enabled(if: !runs, "HERALD_TEST_POSTGRES_URL is set: the worker tests run"))
    func workerTestsAreSkippedWithoutAServer() {
        print("note: HERALD_TEST_POSTGRES_URL is not set; the PostgreSQL worker test was skipped (see .ci/run)")
    }

    /// A fresh database on the test server, dropped afterwards.
    static func withDatabase(_ body: (PostgresURL) async throws -> Void) async throws {
        guard let serverURL else { throw ToolFailure("HERALD_TEST_POSTGRES_URL is not set (see .ci/run)") }
        let admin = try PostgresURL(serverURL)
        let name = "herald_send_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await execute("CREATE DATABASE \(name)", on: admin)
        var url = admin
        url.database = name
        do {
            try await body(url)
        } catch {
            try? await execute("DROP DATABASE \(name) WITH (FORCE)", on: admin)
            throw error
        }
        try await execute("DROP DATABASE \(name) WITH (FORCE)", on: admin)
    }

    private static func execute(_ sql: String, on url: PostgresURL) async throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: nil, database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 7, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
