public import Foundation
import GRDB

extension SQLiteSubscriberStore: SendJournal {
    public func latestSend(ofIssue issue: Int) async throws(ListStoreError) -> SendRecord? {
        try await access { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT id, issue, started_at, finished_at, message_domain FROM sends
                    WHERE issue = ? ORDER BY id DESC LIMIT 1
                    """, arguments: [issue]
            ).map(Self.sendRecord)
        }
    }

    public func startSend(issue: Int, messageDomain: String, now: Date) async throws(ListStoreError) -> SendRecord {
        try await write { db in
            let id = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO sends (issue, started_at, message_domain) VALUES (?, ?, ?) RETURNING id
                    """, arguments: [issue, now.storedSeconds, messageDomain])!
            try db.execute(
                sql: """
                    INSERT INTO send_recipients (send_id, subscriber_id, state)
                    SELECT ?, id, \(SendState.queued.rawValue) FROM subscribers WHERE status = 'subscribed'
                    """, arguments: [id])
            return SendRecord(
                id: id, issue: issue, startedAt: now.roundedToSeconds, finishedAt: nil, messageDomain: messageDomain)
        }
    }

    public func pendingRecipients(of send: Int64) async throws(ListStoreError) -> [PendingRecipient] {
        try await access { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.subscriber_id, s.address, r.attempts, r.next_try FROM send_recipients r
                    LEFT JOIN subscribers s ON s.id = r.subscriber_id AND s.status = 'subscribed'
                    WHERE r.send_id = ? AND r.state IN (\(SendState.queued.rawValue), \(SendState.deferred.rawValue))
                    ORDER BY r.subscriber_id
                    """, arguments: [send])
            var pending: [PendingRecipient] = []
            while let row = try cursor.next() {
                pending.append(
                    PendingRecipient(
                        subscriberID: row[0], address: row[1], attempts: row[2],
                        nextTry: Date(storedSeconds: row[3])))
            }
            return pending
        }
    }

    public func record(_ updates: [RecipientUpdate], in send: Int64) async throws(ListStoreError) {
        guard !updates.isEmpty else { return }
        try await write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE send_recipients SET state = ?, attempts = ?, next_try = ?, reply_code = ?, reply_text = ?
                    WHERE send_id = ? AND subscriber_id = ?
                    """)
            for update in updates {
                try statement.execute(arguments: [
                    update.state.rawValue, update.attempts, update.nextTry.storedSeconds, update.replyCode,
                    update.replyText, send, update.subscriberID,
                ])
            }
        }
    }

    public func finish(_ send: Int64, now: Date) async throws(ListStoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE sends SET finished_at = ? WHERE id = ?", arguments: [now.storedSeconds, send])
        }
    }

    public func summary(of send: Int64) async throws(ListStoreError) -> SendSummary {
        try await access { db in
            var counts: [SendState: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT state, count(*) FROM send_recipients WHERE send_id = ? GROUP BY state",
                arguments: [send])
            {
                if let state = SendState(rawValue: row[0]) { counts[state] = row[1] }
            }
            let failures = try Row.fetchAll(
                db,
                sql: """
                    SELECT reply_code, coalesce(reply_text, ''), count(*) AS n FROM send_recipients
                    WHERE send_id = ? AND state = \(SendState.failed.rawValue)
                    GROUP BY reply_code, reply_text ORDER BY n DESC, reply_code
                    """, arguments: [send]
            ).map { SendSummary.Failure(replyCode: $0[0], replyText: $0[1], count: $0[2]) }
            return SendSummary(counts: counts, failures: failures)
        }
    }

    private static func sendRecord(_ row: Row) -> SendRecord {
        SendRecord(
            id: row[0], issue: row[1], startedAt: Date(storedSeconds: row[2]),
            finishedAt: (row[3] as Int64?).map(Date.init(storedSeconds:)), messageDomain: row[4])
    }

    private func access<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws(ListStoreError)
        -> T
    {
        do {
            return try await pool.read(work)
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    private func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws(ListStoreError)
        -> T
    {
        do {
            return try await pool.write(work)
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }
}
