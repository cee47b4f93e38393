import Foundation
import Logging
import PostgresNIO

/// The store for lists shared by several servers: a PostgreSQL database, reached over one
/// connection whose operations this actor runs one at a time.
public actor PostgresSubscriberStore: SubscriberStore {
    let connection: PostgresConnection
    /// PostgresNIO's own logging stays silent: its messages could carry query values, and
    /// those are subscriber addresses.
    static let logger = Logger(label: "herald.list.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Rows per `INSERT` when saving many: 7 values each, well under the protocol's 65,535.
    private static let batchSize = 1000

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Connects to the database at `url` and brings its schema to the current version.
    ///
    /// - Parameter password: the password, which never appears in the URL: the URL sits in
    ///   `herald.toml`, which is committed.
    public static func connect(to url: PostgresURL, password: String?) async throws(ListStoreError)
        -> PostgresSubscriberStore
    {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database,
            tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw ListStoreError(.cannotConnect(server: url.server, reason: describe(error)))
        }
        let store = PostgresSubscriberStore(connection: connection)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    private func migrate() async throws(ListStoreError) {
        try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                // One migrating server at a time; the others wait, then find nothing left to do.
                try await connection.query("SELECT pg_advisory_xact_lock(72701916)", logger: Self.logger)
                try await connection.query(PostgresQuery(unsafeSQL: ListSchema.versionTable), logger: Self.logger)
                var version = 0
                let rows = try await connection.query(
                    "SELECT max(version) FROM herald_list_schema", logger: Self.logger)
                for try await (found) in rows.decode((Int?).self) { version = found ?? 0 }
                for migration in try ListSchema.migrations(after: version) {
                    for statement in migration.postgres {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
                    }
                    try await connection.query(
                        "INSERT INTO herald_list_schema (version) VALUES (\(migration.version))", logger: Self.logger)
                }
            }
        }
    }

    public func subscriber(withKey key: String) async throws(ListStoreError) -> Subscriber? {
        try await fetch("SELECT \(unescaped: ListSchema.columns) FROM subscribers WHERE lookup_key = \(key)").first
    }

    public func subscriber(withID id: Int64) async throws(ListStoreError) -> Subscriber? {
        try await fetch("SELECT \(unescaped: ListSchema.columns) FROM subscribers WHERE id = \(id)").first
    }

    public func allSubscribers() async throws(ListStoreError) -> [Subscriber] {
        try await fetch("SELECT \(unescaped: ListSchema.columns) FROM subscribers ORDER BY id")
    }

    private func fetch(_ query: PostgresQuery) async throws(ListStoreError) -> [Subscriber] {
        let rows = try await run {
            var rows: [SubscriberRow] = []
            let sequence = try await connection.query(query, logger: Self.logger)
            for try await (id, address, status, source, created, confirmed, changed) in sequence.decode(
                (Int64, String, String, String, Int64, Int64?, Int64).self)
            {
                rows.append(
                    SubscriberRow(
                        id: id, address: address, status: status, source: source, createdAt: created,
                        confirmedAt: confirmed, changedAt: changed))
            }
            return rows
        }
        var subscribers: [Subscriber] = []
        subscribers.reserveCapacity(rows.count)
        for row in rows { subscribers.append(try row.subscriber()) }
        return subscribers
    }

    @discardableResult
    public func save(_ subscribers: [Subscriber]) async throws(ListStoreError) -> [Subscriber] {
        // One row per key in each statement: PostgreSQL refuses to update a row twice in one INSERT.
        var lastIndex: [String: Int] = [:]
        for (index, subscriber) in subscribers.enumerated() { lastIndex[subscriber.key] = index }
        let unique = subscribers.indices.filter { lastIndex[subscribers[$0].key] == $0 }.map { subscribers[$0] }
        let ids = try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                var ids: [String: Int64] = [:]
                var start = 0
                while start < unique.count {
                    let batch = unique[start..<min(start + Self.batchSize, unique.count)]
                    let rows = try await connection.query(Self.upsert(batch), logger: Self.logger)
                    for try await (id, key) in rows.decode((Int64, String).self) { ids[key] = id }
                    start += batch.count
                }
                return ids
            }
        }
        return subscribers.map { subscriber in
            var saved = subscriber
            saved.id = ids[subscriber.key]
            return saved
        }
    }

    private static func upsert(_ batch: ArraySlice<Subscriber>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: batch.count * 7)
        var tuples: [String] = []
        tuples.reserveCapacity(batch.count)
        for subscriber in batch {
            let first = bindings.count + 1
            tuples.append("(" + (first..<first + 7).map { "$\($0)" }.joined(separator: ", ") + ")")
            bindings.append(subscriber.address.text)
            bindings.append(subscriber.key)
            bindings.append(subscriber.status.rawValue)
            bindings.append(subscriber.source.rawValue)
            bindings.append(subscriber.createdAt.storedSeconds)
            bindings.append(subscriber.confirmedAt?.storedSeconds)
            bindings.append(subscriber.changedAt.storedSeconds)
        }
        let sql = """
            INSERT INTO subscribers (address, lookup_key, status, source, created_at, confirmed_at, changed_at)
            VALUES \(tuples.joined(separator: ", "))
            ON CONFLICT (lookup_key) DO UPDATE SET address = excluded.address, status = excluded.status,
                source = excluded.source, created_at = excluded.created_at,
                confirmed_at = excluded.confirmed_at, changed_at = excluded.changed_at
            RETURNING id, lookup_key
            """
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    public func erase(key: String) async throws(ListStoreError) -> Bool {
        try await run {
            let rows = try await connection.query(
                "DELETE FROM subscribers WHERE lookup_key = \(key) RETURNING id", logger: Self.logger)
            var erased = false
            for try await _ in rows { erased = true }
            return erased
        }
    }

    public func countsByStatus() async throws(ListStoreError) -> [SubscriberStatus: Int] {
        let rows = try await run {
            var counts: [(String, Int)] = []
            let rows = try await connection.query(
                "SELECT status, count(*) FROM subscribers GROUP BY status", logger: Self.logger)
            for try await (status, count) in rows.decode((String, Int).self) { counts.append((status, count)) }
            return counts
        }
        return try SubscriberStatus.counts(rows)
    }

    public func close() async {
        try? await connection.close()
    }

    /// Runs `work`, turning PostgresNIO's errors into the list's.
    func run<T>(_ work: () async throws -> T) async throws(ListStoreError) -> T {
        do {
            return try await work()
        } catch let error as ListStoreError {
            throw error
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    /// The server's own message when there is one: PSQLError's description hides it on purpose.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
