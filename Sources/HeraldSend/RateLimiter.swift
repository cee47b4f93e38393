import Foundation

/// Spaces messages so that no second carries more than the current rate, over every connection.
///
/// Each `acquire` reserves the next free slot and waits for it, so the configured rate is never
/// exceeded however many connections ask at once. When throttling replies become frequent (three
/// in a second and at least a tenth of the messages), the rate in force is halved, from the
/// configured one or from the rate measured over the last seconds when none is configured, at
/// most once a second, since replies to messages already in flight say the same again. A stray
/// throttling reply only defers its message. Every two seconds without a halving raise the rate
/// by a quarter, back up to the configured one.
actor RateLimiter {
    /// The configured ceiling; `nil` for none.
    let ceiling: Double?
    /// The rate in force; `nil` while unlimited.
    private(set) var rate: Double?
    private var nextSlot: ContinuousClock.Instant
    private var lastChange: ContinuousClock.Instant
    /// Grant times over the last two seconds, to measure the rate when none is set.
    private var recentGrants: [ContinuousClock.Instant] = []
    private var recentStart = 0
    /// Throttling replies over the last second.
    private var recentThrottles: [ContinuousClock.Instant] = []
    private let clock = ContinuousClock()
    /// The slowest the sender goes, whatever the relay says.
    static let floor = 0.5

    init(rate: Double?) {
        ceiling = rate
        self.rate = rate
        nextSlot = clock.now
        lastChange = clock.now
    }

    /// Waits for this message's slot.
    func acquire() async {
        let now = clock.now
        recordGrant(at: now)
        guard let rate else { return }
        let slot = max(now, nextSlot)
        nextSlot = slot + .seconds(1 / rate)
        if slot > now { try? await Task.sleep(until: slot, clock: clock) }
    }

    /// The relay said "too fast".
    func throttled() {
        let now = clock.now
        recentThrottles.append(now)
        recentThrottles.removeAll { now - $0 > .seconds(1) }
        guard Double(recentThrottles.count) >= max(3, measuredRate() / 10) else { return }
        if rate != nil, now - lastChange < .seconds(1) { return }
        recentThrottles.removeAll()
        let current = rate ?? max(Self.floor, measuredRate())
        rate = max(Self.floor, current / 2)
        lastChange = clock.now
    }

    /// A message was accepted: after two quiet seconds, speed up again towards the ceiling.
    func accepted() {
        guard let current = rate, clock.now - lastChange > .seconds(2) else { return }
        lastChange = clock.now
        let raised = current * 1.25
        if let ceiling {
            rate = min(ceiling, raised)
        } else {
            // Without a ceiling, the limit goes once it is well above what the relay takes.
            rate = raised > max(10, measuredRate() * 2) ? nil : raised
        }
    }

    private func recordGrant(at now: ContinuousClock.Instant) {
        recentGrants.append(now)
        while recentStart < recentGrants.count, now - recentGrants[recentStart] > .seconds(2) { recentStart += 1 }
        if recentStart > 4096 {
            recentGrants.removeFirst(recentStart)
            recentStart = 0
        }
    }

    private func measuredRate() -> Double { Double(recentGrants.count - recentStart) / 2 }
}
