public import Foundation
public import HeraldList
import HeraldSMTP

/// Sends one issue to every subscriber, through the journal, so that each gets it once.
///
/// Each connection is a task that takes a recipient, waits for the rate limiter, makes the
/// personal message and sends it; replies go to the journal by group commit. A 4xx or a dropped
/// connection defers the recipient with a growing delay, a throttling reply also halves the rate,
/// a 5xx fails the recipient. The send is finished when no recipient is queued or deferred.
public struct IssueSender: Sendable {
    public let personalisation: Personalisation
    /// The envelope sender (`MAIL FROM`), where bounces go.
    public let envelopeSender: String
    public let relays: [Relay]
    public let connections: Int
    public let rate: Double?
    public let retry: RetryPolicy
    /// Shared by every run of this sender, so a worker's batches keep the rate the relay allowed.
    let limiter: RateLimiter

    public init(
        personalisation: Personalisation, envelopeSender: String, relays: [Relay], connections: Int, rate: Double?,
        retry: RetryPolicy = RetryPolicy()
    ) {
        self.personalisation = personalisation
        self.envelopeSender = envelopeSender
        self.relays = relays
        self.connections = max(1, connections)
        self.rate = rate
        self.retry = retry
        self.limiter = RateLimiter(rate: rate)
    }

    /// What a run did: the send, its counts and failures, and whether it is finished.
    public struct Report: Sendable {
        public let send: SendRecord
        public let summary: SendSummary
        /// Messages this run had the relay accept.
        public let sentNow: Int
        public let seconds: Double
    }

    /// The send this run works on: a new one, or the unfinished one for `.resume`.
    ///
    /// - Throws: ``SendError/Code/refused`` when the mode does not fit the journal.
    public func prepare(issue: Int, mode: SendMode, journal: any SendJournal, now: Date = Date())
        async throws(SendError) -> SendRecord
    {
        let latest = try await database { () async throws(ListStoreError) in
            try await journal.latestSend(ofIssue: issue)
        }
        switch (mode, latest) {
        case (.resume, let latest?) where latest.finishedAt == nil:
            return latest
        case (.resume, _):
            throw SendError(.refused, "issue \(issue) has no unfinished send to resume")
        case (_, let latest?) where latest.finishedAt == nil:
            throw SendError(
                .refused,
                "a send of issue \(issue) started \(Self.timestamp(latest.startedAt)) is unfinished; "
                    + "run 'herald send \(issue) --resume' to finish it")
        case (.first, let latest?):
            throw SendError(
                .refused,
                "issue \(issue) was sent on \(Self.timestamp(latest.finishedAt ?? latest.startedAt)); "
                    + "add --again to send it once more")
        default:
            let domain = personalisation.messageDomain
            return try await database { () async throws(ListStoreError) in
                try await journal.startSend(issue: issue, messageDomain: domain, now: now)
            }
        }
    }

    /// Sends `send` to its pending recipients until every one is sent or failed, or no relay can
    /// be reached; `progress` is called about twice a second.
    public func run(
        _ send: SendRecord, journal: any SendJournal, progress: @escaping @Sendable (SendProgress) -> Void = { _ in }
    ) async throws(SendError) -> Report {
        let started = ContinuousClock.now
        let before = try await database { () async throws(ListStoreError) in try await journal.summary(of: send.id) }
        let pending = try await database { () async throws(ListStoreError) in
            try await journal.pendingRecipients(of: send.id)
        }
        let leavers = pending.filter { $0.address == nil }.count
        let counter = ProgressCounter(
            total: before.total - before.count(.skipped) - leavers, alreadySent: before.count(.sent),
            alreadyFailed: before.count(.failed))
        try await process(
            send, pending: pending, journal: journal, retriesInRun: true, counter: counter, progress: progress)
        return try await conclude(send, journal: journal, sentBefore: before.count(.sent), started: started)
    }

    /// Sends to `pending` over fresh connections until each is sent, failed, or (with
    /// `retriesInRun` false) deferred back to the journal.
    func process(
        _ send: SendRecord, pending: [PendingRecipient], journal: any SendJournal, retriesInRun: Bool,
        counter: ProgressCounter, progress: @escaping @Sendable (SendProgress) -> Void
    ) async throws(SendError) {
        let writer = JournalWriter(journal: journal, send: send.id)
        var ready: [RecipientJob] = []
        var later: [(RecipientJob, Date)] = []
        let now = Date()
        for recipient in pending {
            guard let address = recipient.address else {
                await writer.append(
                    RecipientUpdate(
                        subscriberID: recipient.subscriberID, state: .skipped, attempts: recipient.attempts,
                        replyText: "left the list before the message went out"))
                continue
            }
            let job = RecipientJob(subscriberID: recipient.subscriberID, address: address, attempts: recipient.attempts)
            if recipient.nextTry > now { later.append((job, recipient.nextTry)) } else { ready.append(job) }
        }
        let queue = RecipientQueue(ready)
        for (job, due) in later {
            await queue.add(job, due: .now + .seconds(due.timeIntervalSince(now)))
        }
        let context = RunContext(
            send: send, queue: queue, writer: writer, limiter: limiter, counter: counter,
            health: RelayHealth(connections: connections), retry: retry, retriesInRun: retriesInRun)
        await withTaskGroup(of: Void.self) { group in
            for relay in Relay.assign(connections, over: relays) {
                group.addTask { await self.work(over: relay, context: context) }
            }
            let reporter = Task {
                while !Task.isCancelled {
                    progress(await counter.snapshot(deferred: await queue.deferredCount))
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
            await group.waitForAll()
            reporter.cancel()
        }
        progress(await counter.snapshot(deferred: await queue.deferredCount))
        await writer.flush()
        if let failure = await writer.error {
            throw SendError(.database, "the send journal could not be written: \(failure)")
        }
        if let fatal = await context.health.fatal {
            let summary = try await database { () async throws(ListStoreError) in
                try await journal.summary(of: send.id)
            }
            throw SendError(
                fatal.code == .authenticationFailed || fatal.code == .missingPassword
                    || fatal.code == .invalidConfiguration ? .invalidConfiguration : .unreachable,
                "the relay could not be used: \(fatal); \(summary.count(.sent)) of \(summary.total) are sent, "
                    + "run 'herald send \(send.issue) --resume' once it can")
        }
    }

    /// Reads the summary, marks the send finished when no one is left, and reports.
    func conclude(_ send: SendRecord, journal: any SendJournal, sentBefore: Int, started: ContinuousClock.Instant)
        async throws(SendError) -> Report
    {
        let summary = try await database { () async throws(ListStoreError) in try await journal.summary(of: send.id) }
        if summary.isComplete {
            try await database { () async throws(ListStoreError) in try await journal.finish(send.id, now: Date()) }
        }
        let elapsed = ContinuousClock.now - started
        return Report(
            send: send, summary: summary, sentNow: summary.count(.sent) - sentBefore,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// One connection's loop: open, take recipients and send, reopen after a drop.
    private func work(over relay: SMTPConfiguration, context: RunContext) async {
        var connection: SMTPConnection?
        var openFailures = 0
        while true {
            let next = await context.queue.next()
            guard case .job(let job) = next else {
                if case .wait(let delay) = next {
                    try? await Task.sleep(for: delay)
                    continue
                }
                break
            }
            if connection == nil {
                do {
                    connection = try await SMTPConnection.open(relay)
                    openFailures = 0
                    await context.health.opened()
                } catch {
                    openFailures += 1
                    await context.queue.finished(job, retryAt: .now)
                    if await context.health.failedToOpen(error) { await context.queue.stop() }
                    try? await Task.sleep(for: retry.delay(after: openFailures) / 2)
                    continue
                }
            }
            await context.limiter.acquire()
            let result = await deliver(job, over: connection!, send: context.send)
            if result.dropsConnection {
                await connection?.close()
                connection = nil
            }
            await context.finish(job, result)
        }
        await connection?.close()
    }

    private func deliver(_ job: RecipientJob, over connection: SMTPConnection, send: SendRecord) async
        -> DeliveryResult
    {
        let bytes = personalisation.message(
            issue: send.issue, sendID: String(send.id), subscriberID: job.subscriberID, address: job.address)
        let message: SMTPMessage
        let envelope: SMTPEnvelope
        do {
            message = try SMTPMessage(composed: bytes)
            envelope = try SMTPEnvelope(sender: envelopeSender, recipient: job.address)
        } catch {
            return .failed(code: nil, text: "not sent: \(error)")
        }
        do {
            let outcome = try await connection.send(message, envelope: envelope).outcomes[0]
            if outcome.isDelivered { return .sent }
            if outcome.isDeferred {
                return .deferred(
                    code: outcome.reply.code, text: outcome.reply.description,
                    throttling: outcome.reply.isThrottling, dropsConnection: outcome.reply.code == 421)
            }
            return .failed(code: outcome.reply.code, text: outcome.reply.description)
        } catch {
            switch error.code {
            case .messageTooLarge, .extensionRequired, .lineTooLong, .unsafeValue, .invalidAddress:
                return .failed(code: error.reply?.code, text: error.description)
            default:
                return .deferred(
                    code: error.reply?.code, text: error.description,
                    throttling: error.reply?.isThrottling ?? false, dropsConnection: true)
            }
        }
    }

    func database<T: Sendable>(_ work: () async throws(ListStoreError) -> T) async throws(SendError) -> T {
        do {
            return try await work()
        } catch {
            throw SendError(.database, "\(error)")
        }
    }

    /// An ISO 8601 time for messages about earlier sends.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
