import Foundation
public import HeraldList

extension IssueSender {
    /// One of several workers sharing a send through PostgreSQL: joins (or starts) the issue's
    /// send, then claims batches of recipients under a lease and sends them, until the journal
    /// holds no queued or deferred recipient. A batch whose worker dies is claimed again by
    /// another once its lease has passed.
    ///
    /// - Parameters:
    ///   - batch: recipients claimed at once; small enough to send well within `lease`.
    ///   - lease: how long a claim holds; a dead worker's recipients wait this long.
    public func runWorker(
        issue: Int, claims: any SendClaiming, batch: Int = 500, lease: Duration = .seconds(60),
        progress: @escaping @Sendable (SendProgress) -> Void = { _ in }
    ) async throws(SendError) -> Report {
        let started = ContinuousClock.now
        let domain = personalisation.messageDomain
        guard
            let send = try await database({ () async throws(ListStoreError) in
                try await claims.joinOrStartSend(issue: issue, messageDomain: domain, now: Date())
            })
        else {
            throw SendError(
                .refused,
                "issue \(issue) was sent already; 'herald send \(issue) --again' sends it once more from one machine")
        }
        let before = try await database { () async throws(ListStoreError) in try await claims.summary(of: send.id) }
        let counter = ProgressCounter(
            total: before.total - before.count(.skipped), alreadySent: before.count(.sent),
            alreadyFailed: before.count(.failed))
        let leaseSeconds = Double(lease.components.seconds)
        while true {
            let now = Date()
            let claimed = try await database { () async throws(ListStoreError) in
                try await claims.claimRecipients(
                    of: send.id, limit: batch, now: now, leaseEnd: now.addingTimeInterval(leaseSeconds))
            }
            if claimed.isEmpty {
                let summary = try await database { () async throws(ListStoreError) in
                    try await claims.summary(of: send.id)
                }
                if summary.isComplete { break }
                // Others hold the rest, or it is deferred: look again soon.
                progress(await counter.snapshot(deferred: summary.count(.deferred)))
                try? await Task.sleep(for: .milliseconds(500))
                continue
            }
            try await process(
                send, pending: claimed, journal: claims, retriesInRun: false, counter: counter, progress: progress)
        }
        return try await conclude(send, journal: claims, sentBefore: before.count(.sent), started: started)
    }
}
