import Foundation
import HeraldList
import HeraldTestSupport
import Logging
import PostgresNIO
import Testing

/// The two backends every store test runs on. PostgreSQL needs a running server, named by
/// HERALD_TEST_POSTGRES_URL (`.ci/run` starts one): without it the PostgreSQL cases are left
/// out with a note, except under CI, where they fail.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var serverURL: String? {
        ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The backends to test: PostgreSQL when a server is there or CI requires one.
    static var available: [StoreBackend] { serverURL != nil || SharedFolder.isCI ? allCases : [.sqlite] }
}

/// Makes empty stores for tests and removes them afterwards: a SQLite file in a temporary
/// folder, or a new database on the test server.
enum TestStores {
    static let logger = Logger(label: "herald.list.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` with an empty store of `backend`, then closes and deletes it.
    static func with(
        _ backend: StoreBackend, _ body: (any SubscriberStore) async throws -> Void
    ) async throws {
        switch backend {
        case .sqlite:
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteSubscriberStore(path: folder.appendingPathComponent("list.sqlite").path)
            try await run(body, on: store)
        case .postgres:
            try await withPostgresDatabase { url in
                try await run(body, on: try await PostgresSubscriberStore.connect(to: url, password: nil))
            }
        }
    }

    private static func run(
        _ body: (any SubscriberStore) async throws -> Void, on store: any SubscriberStore
    ) async throws {
        do {
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// A fresh database on the test server for `body`, dropped afterwards.
    static func withPostgresDatabase(_ body: (PostgresURL) async throws -> Void) async throws {
        guard let server = StoreBackend.serverURL else {
            throw TestFailure("HERALD_TEST_POSTGRES_URL is not set; CI must start PostgreSQL (see .ci/run)")
        }
        let admin = try PostgresURL(server)
        let name = "herald_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await withConnection(to: admin) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        var url = admin
        url.database = name
        do {
            try await body(url)
        } catch {
            try? await drop(name, on: admin)
            throw error
        }
        try await drop(name, on: admin)
    }

    private static func drop(_ name: String, on admin: PostgresURL) async throws {
        try await withConnection(to: admin) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)"), logger: logger)
        }
    }

    /// A raw connection to `url`, for tests that set up what the store would not write.
    static func withConnection(to url: PostgresURL, _ body: (PostgresConnection) async throws -> Void) async throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: nil, database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 99, logger: logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A visible note when the PostgreSQL cases are left out.
@Suite struct PostgresAvailability {
    @Test(
        .enabled(
            if: StoreBackend.serverURL == nil && !SharedFolder.isCI,
            "HERALD_TEST_POSTGRES_URL is set: the PostgreSQL store tests run"))
    func postgresTestsAreSkippedWithoutAServer() {
        print("note: HERALD_TEST_POSTGRES_URL is not set; the PostgreSQL store tests were skipped (see .ci/run)")
        #expect(StoreBackend.available == [.sqlite])
    }
}
