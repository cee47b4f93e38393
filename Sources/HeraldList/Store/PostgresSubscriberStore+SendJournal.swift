public import Foundation
import PostgresNIO

extension PostgresSubscriberStore: SendJournal {
    public func latestSend(ofIssue issue: Int) async throws(ListStoreError) -> SendRecord? {
        try await run {
            let rows = try await connection.query(
                """
                SELECT id, issue, started_at, finished_at, message_domain FROM sends
                WHERE issue = \(issue) ORDER BY id DESC LIMIT 1
                """, logger: Self.logger)
            var found: SendRecord?
            for try await (id, issue, started, finished, domain) in rows.decode(
                (Int64, Int, Int64, Int64?, String).self)
            {
                found = SendRecord(
                    id: id, issue: issue, startedAt: Date(storedSeconds: started),
                    finishedAt: finished.map(Date.init(storedSeconds:)), messageDomain: domain)
            }
            return found
        }
    }

    public func startSend(issue: Int, messageDomain: String, now: Date) async throws(ListStoreError) -> SendRecord {
        let started = now.storedSeconds
        let id = try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                let rows = try await connection.query(
                    """
                    INSERT INTO sends (issue, started_at, message_domain)
                    VALUES (\(issue), \(started), \(messageDomain)) RETURNING id
                    """, logger: Self.logger)
                var id: Int64 = 0
                for try await (found) in rows.decode(Int64.self) { id = found }
                try await connection.query(
                    """
                    INSERT INTO send_recipients (send_id, subscriber_id, state)
                    SELECT \(id), id, \(SendState.queued.rawValue) FROM subscribers WHERE status = 'subscribed'
                    """, logger: Self.logger)
                return id
            }
        }
        return SendRecord(
            id: id, issue: issue, startedAt: Date(storedSeconds: started), finishedAt: nil,
            messageDomain: messageDomain)
    }

    public func pendingRecipients(of send: Int64) async throws(ListStoreError) -> [PendingRecipient] {
        try await run {
            let rows = try await connection.query(
                """
                SELECT r.subscriber_id, s.address, r.attempts, r.next_try FROM send_recipients r
                LEFT JOIN subscribers s ON s.id = r.subscriber_id AND s.status = 'subscribed'
                WHERE r.send_id = \(send) AND r.state IN (0, 2) ORDER BY r.subscriber_id
                """, logger: Self.logger)
            var pending: [PendingRecipient] = []
            for try await (id, address, attempts, next) in rows.decode((Int64, String?, Int, Int64).self) {
                pending.append(
                    PendingRecipient(
                        subscriberID: id, address: address, attempts: attempts, nextTry: Date(storedSeconds: next)))
            }
            return pending
        }
    }

    public func record(_ updates: [RecipientUpdate], in send: Int64) async throws(ListStoreError) {
        guard !updates.isEmpty else { return }
        try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                var start = 0
                while start < updates.count {
                    let batch = updates[start..<min(start + 1000, updates.count)]
                    try await connection.query(Self.update(batch, in: send), logger: Self.logger)
                    start += batch.count
                }
            }
        }
    }

    /// One `UPDATE … FROM (VALUES …)` for a batch: a round trip per batch, not per recipient.
    private static func update(_ batch: ArraySlice<RecipientUpdate>, in send: Int64) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: batch.count * 6 + 1)
        bindings.append(send)
        var tuples: [String] = []
        for update in batch {
            let first = bindings.count + 1
            tuples.append(
                "($\(first)::bigint, $\(first + 1)::smallint, $\(first + 2)::integer, $\(first + 3)::bigint, "
                    + "$\(first + 4)::smallint, $\(first + 5)::text)")
            bindings.append(update.subscriberID)
            bindings.append(Int16(update.state.rawValue))
            bindings.append(Int32(clamping: update.attempts))
            bindings.append(update.nextTry.storedSeconds)
            bindings.append(update.replyCode.map { Int16(clamping: $0) })
            bindings.append(update.replyText)
        }
        let sql = """
            UPDATE send_recipients r SET state = v.state, attempts = v.attempts, next_try = v.next_try,
                reply_code = v.reply_code, reply_text = v.reply_text, lease_until = NULL
            FROM (VALUES \(tuples.joined(separator: ", "))) AS v (subscriber_id, state, attempts, next_try,
                reply_code, reply_text)
            WHERE r.send_id = $1 AND r.subscriber_id = v.subscriber_id
            """
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    public func finish(_ send: Int64, now: Date) async throws(ListStoreError) {
        let finished = now.storedSeconds
        _ = try await run {
            try await connection.query(
                "UPDATE sends SET finished_at = \(finished) WHERE id = \(send)", logger: Self.logger)
        }
    }

    public func summary(of send: Int64) async throws(ListStoreError) -> SendSummary {
        try await run {
            var counts: [SendState: Int] = [:]
            let rows = try await connection.query(
                "SELECT state, count(*) FROM send_recipients WHERE send_id = \(send) GROUP BY state",
                logger: Self.logger)
            for try await (state, count) in rows.decode((Int16, Int).self) {
                if let state = SendState(rawValue: Int(state)) { counts[state] = count }
            }
            var failures: [SendSummary.Failure] = []
            let failed = try await connection.query(
                """
                SELECT reply_code, coalesce(reply_text, ''), count(*) AS n FROM send_recipients
                WHERE send_id = \(send) AND state = 3 GROUP BY reply_code, reply_text ORDER BY n DESC, reply_code
                """, logger: Self.logger)
            for try await (code, text, count) in failed.decode((Int16?, String, Int).self) {
                failures.append(SendSummary.Failure(replyCode: code.map(Int.init), replyText: text, count: count))
            }
            return SendSummary(counts: counts, failures: failures)
        }
    }
}

extension PostgresSubscriberStore: SendClaiming {
    public func joinOrStartSend(issue: Int, messageDomain: String, now: Date) async throws(ListStoreError)
        -> SendRecord?
    {
        let started = now.storedSeconds
        return try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                let key = Int32(truncatingIfNeeded: issue)
                try await connection.query("SELECT pg_advisory_xact_lock(72701917, \(key))", logger: Self.logger)
                let rows = try await connection.query(
                    """
                    SELECT id, started_at, finished_at, message_domain FROM sends
                    WHERE issue = \(issue) ORDER BY id DESC LIMIT 1
                    """, logger: Self.logger)
                var latest: (Int64, Int64, Int64?, String)?
                for try await row in rows.decode((Int64, Int64, Int64?, String).self) { latest = row }
                if let latest {
                    guard latest.2 == nil else { return nil }
                    return SendRecord(
                        id: latest.0, issue: issue, startedAt: Date(storedSeconds: latest.1), finishedAt: nil,
                        messageDomain: latest.3)
                }
                let inserted = try await connection.query(
                    """
                    INSERT INTO sends (issue, started_at, message_domain)
                    VALUES (\(issue), \(started), \(messageDomain)) RETURNING id
                    """, logger: Self.logger)
                var id: Int64 = 0
                for try await (found) in inserted.decode(Int64.self) { id = found }
                try await connection.query(
                    """
                    INSERT INTO send_recipients (send_id, subscriber_id, state)
                    SELECT \(id), id, 0 FROM subscribers WHERE status = 'subscribed'
                    """, logger: Self.logger)
                return SendRecord(
                    id: id, issue: issue, startedAt: Date(storedSeconds: started), finishedAt: nil,
                    messageDomain: messageDomain)
            }
        }
    }

    public func claimRecipients(of send: Int64, limit: Int, now: Date, leaseEnd: Date) async throws(ListStoreError)
        -> [PendingRecipient]
    {
        let current = now.storedSeconds
        let lease = leaseEnd.storedSeconds
        return try await run {
            let rows = try await connection.query(
                """
                WITH claimed AS (
                    UPDATE send_recipients r SET lease_until = \(lease)
                    FROM (SELECT subscriber_id FROM send_recipients
                          WHERE send_id = \(send) AND state IN (0, 2) AND next_try <= \(current)
                              AND (lease_until IS NULL OR lease_until < \(current))
                          ORDER BY subscriber_id LIMIT \(limit) FOR UPDATE SKIP LOCKED) c
                    WHERE r.send_id = \(send) AND r.subscriber_id = c.subscriber_id
                    RETURNING r.subscriber_id, r.attempts, r.next_try)
                SELECT c.subscriber_id, s.address, c.attempts, c.next_try FROM claimed c
                LEFT JOIN subscribers s ON s.id = c.subscriber_id AND s.status = 'subscribed'
                ORDER BY c.subscriber_id
                """, logger: Self.logger)
            var claimed: [PendingRecipient] = []
            for try await (id, address, attempts, next) in rows.decode((Int64, String?, Int, Int64).self) {
                claimed.append(
                    PendingRecipient(
                        subscriberID: id, address: address, attempts: attempts, nextTry: Date(storedSeconds: next)))
            }
            return claimed
        }
    }
}
