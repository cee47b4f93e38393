import Foundation

/// Counts sign-ups per client address: each client has a bucket of `burst` tokens that refills
/// at `perMinute` a minute, and a sign-up without a token is answered 429. Kept in memory: a
/// restart forgives everyone, which costs nothing, since mails per address are limited in the
/// database.
actor ClientRateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let perMinute: Double
    private let burst: Double
    private var buckets: [String: Bucket] = [:]
    /// More clients than this and full buckets are forgotten, so a flood of addresses cannot
    /// grow the table without end.
    private static let maximumClients = 100_000

    init(perMinute: Int, burst: Int) {
        self.perMinute = Double(perMinute)
        self.burst = Double(max(burst, 1))
    }

    /// Whether `client` may sign up now; if not, how many seconds until it may.
    func admit(_ client: String, now: ContinuousClock.Instant = .now) -> (allowed: Bool, retryAfter: Int) {
        guard perMinute > 0 else { return (true, 0) }
        var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(burst, bucket.tokens + seconds * perMinute / 60)
        bucket.updated = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        if buckets.count >= Self.maximumClients { forgetFullBuckets(now: now) }
        buckets[client] = bucket
        return (allowed, allowed ? 0 : Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up)))
    }

    private func forgetFullBuckets(now: ContinuousClock.Instant) {
        let refill = Duration.seconds(burst * 60 / perMinute)
        buckets = buckets.filter { now - $0.value.updated < refill }
        if buckets.count >= Self.maximumClients { buckets.removeAll() }
    }
}
