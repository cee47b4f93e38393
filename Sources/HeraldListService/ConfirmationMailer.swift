import Foundation
import HeraldEmail
import HeraldList
import HeraldSMTP
import Logging

/// Hands the queued confirmation mails to the relay, outside the requests that queued them, so
/// a sign-up is answered in milliseconds whatever the relay does.
///
/// The queue lives in the database: a mail claimed and not sent (the relay said 4xx, the
/// connection dropped, the process died) becomes due again when its lease ends, later with each
/// attempt; a 5xx or a tenth attempt drops it, since the reader can sign up again.
actor ConfirmationMailer {
    private let store: any SubscriberStore
    private let links: ListLinks
    private let mail: ConfirmationMail
    private let smtp: SMTPConfiguration
    private let log: Logger
    private var wakeUp: CheckedContinuation<Void, Never>?
    private var pendingWake = false

    /// How long a claimed mail stays hidden from other senders, times its attempts.
    static let lease: TimeInterval = 60
    static let maximumAttempts = 10
    static let batchSize = 50

    init(store: any SubscriberStore, links: ListLinks, mail: ConfirmationMail, smtp: SMTPConfiguration, log: Logger) {
        self.store = store
        self.links = links
        self.mail = mail
        self.smtp = smtp
        self.log = log
    }

    /// Says a mail was queued, so the loop does not wait for its next look.
    func wake() {
        if let wakeUp {
            self.wakeUp = nil
            wakeUp.resume()
        } else {
            pendingWake = true
        }
    }

    /// Sends what is due, then waits for a wake-up or a second, until cancelled.
    func run() async {
        while !Task.isCancelled {
            let sent = await sendDueMails()
            if sent == 0 { await sleep(upTo: .seconds(1)) }
        }
    }

    private func sleep(upTo duration: Duration) async {
        if pendingWake {
            pendingWake = false
            return
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: duration)
            await self?.wake()
        }
        await withCheckedContinuation { wakeUp = $0 }
        pendingWake = false
        timer.cancel()
    }

    /// Claims one batch and sends it over one connection; returns how many were claimed.
    private func sendDueMails() async -> Int {
        let mails: [QueuedMail]
        do {
            mails = try await store.claimQueuedMails(now: Date(), limit: Self.batchSize, lease: Self.lease)
        } catch {
            log.error("cannot read the mail queue: \(error)")
            return 0
        }
        guard !mails.isEmpty else { return 0 }
        var connection: SMTPConnection?
        for queued in mails {
            do {
                guard let subscriber = try await store.subscriber(withID: queued.subscriberID),
                    subscriber.status != .subscribed
                else {
                    try await store.removeQueuedMail(id: queued.id)
                    continue
                }
                if connection == nil { connection = try await SMTPConnection.open(smtp) }
                try await send(queued, to: subscriber, over: connection!)
            } catch let error as SMTPError {
                await connection?.close()
                connection = nil
                await handle(error, for: queued)
            } catch {
                // A store that failed may work on the next look; after the last attempt, give up.
                log.error("confirmation mail \(queued.id): \(error)")
                if queued.attempts >= Self.maximumAttempts { try? await store.removeQueuedMail(id: queued.id) }
            }
        }
        await connection?.close()
        return mails.count
    }

    private func send(_ queued: QueuedMail, to subscriber: Subscriber, over connection: SMTPConnection) async throws {
        let link = links.confirmURL(for: queued.subscriberID)
        let text = try mail.notice(to: subscriber.address, link: link).rendered()
        let message = try SMTPMessage(composed: Array(text.utf8))
        let envelope = try SMTPEnvelope(sender: mail.senderAddress, recipient: subscriber.address.text)
        let delivery = try await connection.send(message, envelope: envelope)
        let masked = EmailAddress.mask(subscriber.address.text)
        if let outcome = delivery.outcomes.first, !outcome.isDelivered {
            if outcome.isDeferred, queued.attempts < Self.maximumAttempts {
                log.warning("confirmation to \(masked) deferred: \(outcome.reply.code); trying again later")
            } else {
                log.warning("confirmation to \(masked) refused: \(outcome.reply.code); dropped")
                try await store.removeQueuedMail(id: queued.id)
            }
            return
        }
        try await store.removeQueuedMail(id: queued.id)
        log.info("confirmation mailed to \(masked)")
    }

    private func handle(_ error: SMTPError, for queued: QueuedMail) async {
        if error.isRetryable, queued.attempts < Self.maximumAttempts {
            log.warning("cannot hand a confirmation to the relay (\(error)); trying again later")
            return
        }
        log.error("confirmation mail \(queued.id) dropped: \(error)")
        try? await store.removeQueuedMail(id: queued.id)
    }
}
