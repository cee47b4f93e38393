/// Keeps a crawl polite: at most a few requests in flight to one host, and a pause between
/// the starts of two requests to it, however many hosts are being fetched at once.
public actor HostThrottle {
    /// Requests to one host that may be in flight at once.
    public let perHost: Int
    /// The least time between the starts of two requests to one host.
    public let spacing: Duration

    private var active: [String: Int] = [:]
    private var lastStart: [String: ContinuousClock.Instant] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    public init(perHost: Int = 2, spacing: Duration = .milliseconds(250)) {
        self.perHost = max(1, perHost)
        self.spacing = spacing
    }

    /// Runs `work` when `host` has a free slot and its spacing has passed.
    public func run<T: Sendable>(
        host: String, _ work: @Sendable () async throws -> T
    ) async rethrows -> T {
        await acquire(host)
        defer { release(host) }
        return try await work()
    }

    private func acquire(_ host: String) async {
        while active[host, default: 0] >= perHost {
            await withCheckedContinuation { waiting[host, default: []].append($0) }
        }
        active[host, default: 0] += 1
        let clock = ContinuousClock()
        if let last = lastStart[host] {
            let next = last.advanced(by: spacing)
            lastStart[host] = max(next, clock.now)
            if next > clock.now { try? await clock.sleep(until: next) }
        } else {
            lastStart[host] = clock.now
        }
    }

    private func release(_ host: String) {
        active[host, default: 1] -= 1
        if var queue = waiting[host], !queue.isEmpty {
            queue.removeFirst().resume()
            waiting[host] = queue
        }
    }
}
