public import Foundation

/// A journal several machines can share: each worker claims a batch of recipients for a lease, so
/// no two send to the same reader, and a dead worker's batch is taken over once its lease expires.
///
/// PostgreSQL implements it with `FOR UPDATE SKIP LOCKED`; a SQLite file is one machine's.
public protocol SendClaiming: SendJournal {
    /// The unfinished send of `issue`, or a new one when the issue has none; one transaction under a
    /// lock, so workers starting together join one send.
    ///
    /// - Returns: `nil` when the issue's latest send is finished.
    func joinOrStartSend(issue: Int, messageDomain: String, now: Date) async throws(ListStoreError) -> SendRecord?
    /// Up to `limit` recipients due by `now` and not leased by another worker, leased until `leaseEnd`.
    func claimRecipients(of send: Int64, limit: Int, now: Date, leaseEnd: Date) async throws(ListStoreError)
        -> [PendingRecipient]
}
