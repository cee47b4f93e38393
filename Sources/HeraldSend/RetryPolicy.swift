/// When a deferred recipient is tried again, and when Herald gives up on it.
public struct RetryPolicy: Sendable {
    /// The wait after the first deferral; it doubles with each further one.
    public var firstDelay: Duration
    /// The longest wait between two tries.
    public var longestDelay: Duration
    /// Tries after which a recipient still deferred counts as failed, with the last reply.
    public var maximumAttempts: Int

    public init(
        firstDelay: Duration = .seconds(1), longestDelay: Duration = .seconds(300), maximumAttempts: Int = 12
    ) {
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.maximumAttempts = maximumAttempts
    }

    /// The wait after the `attempts`-th try was deferred (1 for the first).
    public func delay(after attempts: Int) -> Duration {
        let doublings = min(max(attempts - 1, 0), 30)
        return min(firstDelay * (1 << doublings), longestDelay)
    }
}
