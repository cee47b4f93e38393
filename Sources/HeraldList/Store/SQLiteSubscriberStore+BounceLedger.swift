public import Foundation
import GRDB

extension SQLiteSubscriberStore: BounceLedger {
    public func record(_ reports: [BounceReport], hardLimit: Int, now: Date) async throws(ListStoreError)
        -> BounceOutcome
    {
        let keyed = reports.map { ($0, $0.subscriberKey, $0.rememberedKey) }
        do {
            return try await pool.write { db in
                var outcome = BounceOutcome()
                for (report, key, remembered) in keyed {
                    if let remembered {
                        try db.execute(
                            sql: "INSERT INTO bounce_notifications (id) VALUES (?) ON CONFLICT DO NOTHING",
                            arguments: [remembered])
                        if db.changesCount == 0 {
                            outcome.repeated += 1
                            continue
                        }
                    }
                    guard let key,
                        let id = try Int64.fetchOne(
                            db, sql: "SELECT id FROM subscribers WHERE lookup_key = ?", arguments: [key])
                    else {
                        outcome.unknown += 1
                        continue
                    }
                    let hard = report.kind == .hard ? 1 : 0
                    try db.execute(
                        sql: """
                            INSERT INTO subscriber_bounces (subscriber_id, hard, soft, last_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (subscriber_id) DO UPDATE SET hard = hard + excluded.hard,
                                soft = soft + excluded.soft, last_at = excluded.last_at
                            """, arguments: [id, hard, 1 - hard, now.storedSeconds])
                    if hard == 1 {
                        outcome.hard += 1
                        try db.execute(
                            sql: """
                                UPDATE subscribers SET status = 'cleaned', changed_at = ?
                                WHERE id = ? AND status = 'subscribed'
                                    AND (SELECT hard FROM subscriber_bounces WHERE subscriber_id = ?) >= ?
                                """, arguments: [now.storedSeconds, id, id, hardLimit])
                        outcome.cleaned += db.changesCount
                    } else {
                        outcome.soft += 1
                    }
                }
                return outcome
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }

    public func bounceCounts() async throws(ListStoreError) -> BounceCounts {
        do {
            return try await pool.read { db in
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT coalesce(sum(hard > 0), 0), coalesce(sum(soft > 0), 0) FROM subscriber_bounces
                        """)
                return BounceCounts(withHardBounces: row?[0] ?? 0, withSoftBounces: row?[1] ?? 0)
            }
        } catch {
            throw ListStoreError(.database(Self.describe(error)))
        }
    }
}
