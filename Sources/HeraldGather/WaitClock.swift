public import Foundation

/// How a gatherer tells the time and waits out a rate limit; tests replace it so that they can
/// check a wait without waiting.
public struct WaitClock: Sendable {
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The system's clock and `Task.sleep`.
    public static let system = WaitClock(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
}
