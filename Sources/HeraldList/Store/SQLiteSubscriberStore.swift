import Foundation
import GRDB

/// The default store: one SQLite file in write-ahead-log mode, so readers (the sign-up service's
/// pages) never wait for a writer (an import).
public final class SQLiteSubscriberStore: SubscriberStore {
    let pool: DatabasePool
    /// The file's path, for messages.
    public let path: String

    /// Opens the file at `path`, creating it and its folder (readable by the owner only) when
    /// missing, and brings its schema to the current version.
    public init(path: String) throws(ListStoreError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // SQLite gives the -wal and -shm files the main file's permissions, so it is made
            // private before SQLite first opens it.
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw ListStoreError(.cannotOpen(path: path, reason: Self.describe(error)))
        }
        try migrate()
    }

    private func migrate() throws(ListStoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: ListSchema.versionTable)
                let version = try Int.fetchOne(db, sql: "SELECT max(version) FROM herald_list_schema") ?? 0
                for migration in try ListSchema.migrations(after: version) {
                    try db.inTransaction {
                        for statement in migration.sqlite { try db.execute(sql: statement) }
                        try db.execute(
                            sql: "INSERT INTO herald_list_schema (version) VALUES (?)", arguments: [migration.version])
                        return .commit
                    }
                }
            }
        } catch let error as ListStoreError {
            throw error
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func subscriber(withKey key: String) async throws(ListStoreError) -> Subscriber? {
        try await fetch("WHERE lookup_key = ?", [key]).first
    }

    public func subscriber(withID id: Int64) async throws(ListStoreError) -> Subscriber? {
        try await fetch("WHERE id = ?", [id]).first
    }

    public func allSubscribers() async throws(ListStoreError) -> [Subscriber] {
        try await fetch("ORDER BY id", [])
    }

    private func fetch(_ clause: String, _ arguments: StatementArguments) async throws(ListStoreError) -> [Subscriber] {
        let rows: [SubscriberRow]
        do {
            rows = try await pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(ListSchema.columns) FROM subscribers \(clause)", arguments: arguments
                )
                .map { row in
                    SubscriberRow(
                        id: row[0], address: row[1], status: row[2], source: row[3], createdAt: row[4],
                        confirmedAt: row[5], changedAt: row[6])
                }
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
        var subscribers: [Subscriber] = []
        subscribers.reserveCapacity(rows.count)
        for row in rows { subscribers.append(try row.subscriber()) }
        return subscribers
    }

    @discardableResult
    public func save(_ subscribers: [Subscriber]) async throws(ListStoreError) -> [Subscriber] {
        do {
            return try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO subscribers
                            (address, lookup_key, status, source, created_at, confirmed_at, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (lookup_key) DO UPDATE SET address = excluded.address, status = excluded.status,
                            source = excluded.source, created_at = excluded.created_at,
                            confirmed_at = excluded.confirmed_at, changed_at = excluded.changed_at
                        RETURNING id
                        """)
                return try subscribers.map { subscriber in
                    var saved = subscriber
                    saved.id = try Int64.fetchOne(
                        statement,
                        arguments: [
                            subscriber.address.text, subscriber.key, subscriber.status.rawValue,
                            subscriber.source.rawValue, subscriber.createdAt.storedSeconds,
                            subscriber.confirmedAt?.storedSeconds, subscriber.changedAt.storedSeconds,
                        ])
                    return saved
                }
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func erase(key: String) async throws(ListStoreError) -> Bool {
        do {
            return try await pool.write { db in
                try db.execute(sql: "DELETE FROM subscribers WHERE lookup_key = ?", arguments: [key])
                return db.changesCount > 0
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func countsByStatus() async throws(ListStoreError) -> [SubscriberStatus: Int] {
        let rows: [(String, Int)]
        do {
            rows = try await pool.read { db in
                try Row.fetchAll(db, sql: "SELECT status, count(*) FROM subscribers GROUP BY status").map {
                    row -> (String, Int) in
                    (row[0], row[1])
                }
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
        return try SubscriberStatus.counts(rows)
    }

    public func close() async {
        try? pool.close()
    }

    static func describe(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}

extension SubscriberStatus {
    /// Counts for every status from `(status, count)` rows, 0 for those absent.
    static func counts(_ rows: [(String, Int)]) throws(ListStoreError) -> [SubscriberStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: allCases.map { ($0, 0) })
        for (name, count) in rows {
            guard let status = SubscriberStatus(rawValue: name) else {
                throw ListStoreError(.corruptRow("\(count) rows have the unknown status '\(name)'"))
            }
            counts[status] = count
        }
        return counts
    }
}
