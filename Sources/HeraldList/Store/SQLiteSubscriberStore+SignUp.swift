public import Foundation
import GRDB

extension SQLiteSubscriberStore {
    public func recordSignUp(_ address: EmailAddress, now: Date, mailInterval: TimeInterval)
        async throws(ListStoreError)
        -> SignUpRecord
    {
        let seconds = now.storedSeconds
        do {
            return try await pool.write { db in
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, status, confirmation_mailed_at FROM subscribers WHERE lookup_key = ?",
                    arguments: [address.key])
                let id: Int64
                let standing: SignUpRecord.Standing
                let lastMailed: Int64?
                if let row {
                    id = row[0]
                    standing = try SignUpRecord.Standing(storedStatus: row[1])
                    lastMailed = row[2]
                } else {
                    id = try Int64.fetchOne(
                        db,
                        sql: """
                            INSERT INTO subscribers (address, lookup_key, status, source, created_at, changed_at)
                            VALUES (?, ?, 'pending', 'form', ?, ?) RETURNING id
                            """, arguments: [address.text, address.key, seconds, seconds])!
                    standing = .new
                    lastMailed = nil
                }
                guard standing != .subscribed, SignUpRecord.mailIsDue(lastMailed, now: seconds, interval: mailInterval)
                else { return SignUpRecord(subscriberID: id, standing: standing, mailQueued: false) }
                try db.execute(
                    sql: "UPDATE subscribers SET confirmation_mailed_at = ? WHERE id = ?", arguments: [seconds, id])
                try db.execute(
                    sql: """
                        INSERT INTO list_mail_queue (subscriber_id, kind, queued_at, attempts, next_attempt_at)
                        VALUES (?, ?, ?, 0, ?)
                        """, arguments: [id, QueuedMail.Kind.confirmation.rawValue, seconds, seconds])
                return SignUpRecord(subscriberID: id, standing: standing, mailQueued: true)
            }
        } catch let error as ListStoreError {
            throw error
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func claimQueuedMails(now: Date, limit: Int, lease: TimeInterval) async throws(ListStoreError)
        -> [QueuedMail]
    {
        let seconds = now.storedSeconds
        do {
            return try await pool.write { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        UPDATE list_mail_queue SET attempts = attempts + 1,
                            next_attempt_at = ? + CAST(? AS INTEGER) * (attempts + 1)
                        WHERE id IN (SELECT id FROM list_mail_queue WHERE next_attempt_at <= ? ORDER BY id LIMIT ?)
                        RETURNING id, subscriber_id, kind, attempts
                        """, arguments: [seconds, Int64(lease), seconds, limit]
                )
                .compactMap { row in
                    QueuedMail.Kind(rawValue: row[2]).map {
                        QueuedMail(id: row[0], subscriberID: row[1], kind: $0, attempts: row[3])
                    }
                }
                .sorted { $0.id < $1.id }
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func removeQueuedMail(id: Int64) async throws(ListStoreError) {
        do {
            try await pool.write { db in
                try db.execute(sql: "DELETE FROM list_mail_queue WHERE id = ?", arguments: [id])
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func queuedMailCount() async throws(ListStoreError) -> Int {
        do {
            return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM list_mail_queue") ?? 0 }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }
}

extension SignUpRecord.Standing {
    /// The standing of a stored subscriber with `status`.
    init(storedStatus status: String) throws(ListStoreError) {
        switch SubscriberStatus(rawValue: status) {
        case .pending: self = .pending
        case .subscribed: self = .subscribed
        case .unsubscribed, .cleaned: self = .left
        case nil: throw ListStoreError(.corruptRow("a subscriber has the unknown status '\(status)'"))
        }
    }
}

extension SignUpRecord {
    /// Whether a confirmation mail may be queued: none before, or the last one `interval` ago.
    static func mailIsDue(_ lastMailed: Int64?, now: Int64, interval: TimeInterval) -> Bool {
        guard let lastMailed else { return true }
        return now - lastMailed >= Int64(interval)
    }
}
