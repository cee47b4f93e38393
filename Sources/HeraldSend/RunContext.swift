import Foundation
import HeraldList

/// What the connections of one run share, and what they do with each result.
struct RunContext: Sendable {
    let send: SendRecord
    let queue: RecipientQueue
    let writer: JournalWriter
    let limiter: RateLimiter
    let counter: ProgressCounter
    let health: RelayHealth
    let retry: RetryPolicy
    /// False for a worker's batch: a deferred recipient goes back to the journal for any worker.
    let retriesInRun: Bool

    /// Journals a try's result, counts it, adjusts the rate and hands a deferral back to the queue.
    func finish(_ job: RecipientJob, _ result: DeliveryResult) async {
        let attempts = job.attempts + 1
        switch result {
        case .sent:
            await writer.append(RecipientUpdate(subscriberID: job.subscriberID, state: .sent, attempts: attempts))
            await counter.sent()
            await limiter.accepted()
            await queue.finished(job, retryAt: nil)
        case .failed(let code, let text):
            await fail(job, attempts: attempts, code: code, text: text)
        case .deferred(let code, let text, let throttling, _):
            if throttling { await limiter.throttled() }
            guard attempts < retry.maximumAttempts else {
                await fail(job, attempts: attempts, code: code, text: "gave up after \(attempts) tries: \(text)")
                return
            }
            let delay = retry.delay(after: attempts)
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            await writer.append(
                RecipientUpdate(
                    subscriberID: job.subscriberID, state: .deferred, attempts: attempts,
                    nextTry: Date().addingTimeInterval(seconds), replyCode: code, replyText: text))
            var again = job
            again.attempts = attempts
            await queue.finished(again, retryAt: retriesInRun ? .now + delay : nil)
        }
    }

    private func fail(_ job: RecipientJob, attempts: Int, code: Int?, text: String) async {
        await writer.append(
            RecipientUpdate(
                subscriberID: job.subscriberID, state: .failed, attempts: attempts, replyCode: code, replyText: text))
        await counter.failed()
        await queue.finished(job, retryAt: nil)
    }
}
