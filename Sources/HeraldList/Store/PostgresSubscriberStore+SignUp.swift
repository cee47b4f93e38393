public import Foundation
import PostgresNIO

extension PostgresSubscriberStore {
    public func recordSignUp(_ address: EmailAddress, now: Date, mailInterval: TimeInterval)
        async throws(ListStoreError)
        -> SignUpRecord
    {
        let seconds = now.storedSeconds
        let text = address.text
        let key = address.key
        let kind = QueuedMail.Kind.confirmation.rawValue
        return try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                // Servers sharing the list may take the same address at once: the insert that
                // loses does nothing, and the row lock orders the rest.
                var created: Int64?
                let inserted = try await connection.query(
                    """
                    INSERT INTO subscribers (address, lookup_key, status, source, created_at, changed_at)
                    VALUES (\(text), \(key), 'pending', 'form', \(seconds), \(seconds))
                    ON CONFLICT (lookup_key) DO NOTHING RETURNING id
                    """, logger: Self.logger)
                for try await id in inserted.decode(Int64.self) { created = id }
                var found: (Int64, String, Int64?)?
                let rows = try await connection.query(
                    """
                    SELECT id, status, confirmation_mailed_at FROM subscribers WHERE lookup_key = \(key) FOR UPDATE
                    """, logger: Self.logger)
                for try await row in rows.decode((Int64, String, Int64?).self) { found = row }
                guard let (id, status, lastMailed) = found else {
                    throw ListStoreError(.database("the subscriber row vanished during the sign-up"))
                }
                let standing = created == nil ? try SignUpRecord.Standing(storedStatus: status) : .new
                guard standing != .subscribed, SignUpRecord.mailIsDue(lastMailed, now: seconds, interval: mailInterval)
                else { return SignUpRecord(subscriberID: id, standing: standing, mailQueued: false) }
                try await connection.query(
                    "UPDATE subscribers SET confirmation_mailed_at = \(seconds) WHERE id = \(id)", logger: Self.logger)
                try await connection.query(
                    """
                    INSERT INTO list_mail_queue (subscriber_id, kind, queued_at, attempts, next_attempt_at)
                    VALUES (\(id), \(kind), \(seconds), 0, \(seconds))
                    """, logger: Self.logger)
                return SignUpRecord(subscriberID: id, standing: standing, mailQueued: true)
            }
        }
    }

    public func claimQueuedMails(now: Date, limit: Int, lease: TimeInterval) async throws(ListStoreError)
        -> [QueuedMail]
    {
        let seconds = now.storedSeconds
        let leaseSeconds = Int64(lease)
        return try await run {
            // SKIP LOCKED: servers sharing the queue each take different mails.
            let rows = try await connection.query(
                """
                UPDATE list_mail_queue SET attempts = attempts + 1,
                    next_attempt_at = \(seconds) + \(leaseSeconds) * (attempts + 1)
                WHERE id IN (
                    SELECT id FROM list_mail_queue WHERE next_attempt_at <= \(seconds)
                    ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING id, subscriber_id, kind, attempts
                """, logger: Self.logger)
            var mails: [QueuedMail] = []
            for try await (id, subscriber, kind, attempts) in rows.decode((Int64, Int64, String, Int32).self) {
                if let kind = QueuedMail.Kind(rawValue: kind) {
                    mails.append(QueuedMail(id: id, subscriberID: subscriber, kind: kind, attempts: Int(attempts)))
                }
            }
            return mails.sorted { $0.id < $1.id }
        }
    }

    public func removeQueuedMail(id: Int64) async throws(ListStoreError) {
        _ = try await run {
            try await connection.query("DELETE FROM list_mail_queue WHERE id = \(id)", logger: Self.logger)
        }
    }

    public func queuedMailCount() async throws(ListStoreError) -> Int {
        try await run {
            var count = 0
            let rows = try await connection.query("SELECT count(*) FROM list_mail_queue", logger: Self.logger)
            for try await value in rows.decode(Int.self) { count = value }
            return count
        }
    }
}
