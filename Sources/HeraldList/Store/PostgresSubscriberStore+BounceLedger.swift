public import Foundation
import PostgresNIO

extension PostgresSubscriberStore: BounceLedger {
    public func record(_ reports: [BounceReport], hardLimit: Int, now: Date) async throws(ListStoreError)
        -> BounceOutcome
    {
        let keyed = reports.map { ($0, $0.subscriberKey, $0.rememberedKey) }
        let time = now.storedSeconds
        return try await run {
            try await connection.withTransaction(logger: Self.logger) { connection in
                var outcome = BounceOutcome()
                for (report, key, remembered) in keyed {
                    if let remembered {
                        let inserted = try await connection.query(
                            """
                            INSERT INTO bounce_notifications (id) VALUES (\(remembered)) ON CONFLICT DO NOTHING
                            RETURNING id
                            """, logger: Self.logger)
                        var isNew = false
                        for try await _ in inserted { isNew = true }
                        guard isNew else {
                            outcome.repeated += 1
                            continue
                        }
                    }
                    var id: Int64?
                    if let key {
                        let rows = try await connection.query(
                            "SELECT id FROM subscribers WHERE lookup_key = \(key)", logger: Self.logger)
                        for try await (found) in rows.decode(Int64.self) { id = found }
                    }
                    guard let id else {
                        outcome.unknown += 1
                        continue
                    }
                    let hard = report.kind == .hard ? 1 : 0
                    let soft = 1 - hard
                    try await connection.query(
                        """
                        INSERT INTO subscriber_bounces (subscriber_id, hard, soft, last_at)
                        VALUES (\(id), \(hard), \(soft), \(time))
                        ON CONFLICT (subscriber_id) DO UPDATE SET hard = subscriber_bounces.hard + excluded.hard,
                            soft = subscriber_bounces.soft + excluded.soft, last_at = excluded.last_at
                        """, logger: Self.logger)
                    guard hard == 1 else {
                        outcome.soft += 1
                        continue
                    }
                    outcome.hard += 1
                    let cleaned = try await connection.query(
                        """
                        UPDATE subscribers SET status = 'cleaned', changed_at = \(time)
                        WHERE id = \(id) AND status = 'subscribed'
                            AND (SELECT hard FROM subscriber_bounces WHERE subscriber_id = \(id)) >= \(hardLimit)
                        RETURNING id
                        """, logger: Self.logger)
                    for try await _ in cleaned { outcome.cleaned += 1 }
                }
                return outcome
            }
        }
    }

    public func bounceCounts() async throws(ListStoreError) -> BounceCounts {
        try await run {
            let rows = try await connection.query(
                """
                SELECT count(*) FILTER (WHERE hard > 0), count(*) FILTER (WHERE soft > 0) FROM subscriber_bounces
                """, logger: Self.logger)
            var counts = BounceCounts(withHardBounces: 0, withSoftBounces: 0)
            for try await (hard, soft) in rows.decode((Int, Int).self) {
                counts = BounceCounts(withHardBounces: hard, withSoftBounces: soft)
            }
            return counts
        }
    }
}
