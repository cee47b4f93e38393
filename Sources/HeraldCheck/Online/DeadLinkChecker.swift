public import HeraldHTTP

/// Fetches links to see whether they still work: many at once, but politely per host, with a
/// timeout and one retry, `HEAD` first and `GET` where a server refuses `HEAD`.
public struct DeadLinkChecker: Sendable {
    public var client: WebClient
    public var timeout: Duration
    /// Requests in flight at once, over all hosts.
    public var concurrency: Int
    /// Retries after a timeout, a failed connection or a 5xx answer.
    public var retries: Int
    /// Pause before a retry.
    public var retryDelay: Duration
    private let throttle: HostThrottle

    public init(
        client: WebClient = WebClient(), timeout: Duration = .seconds(15), concurrency: Int = 16,
        perHost: Int = 2, spacing: Duration = .milliseconds(250), retries: Int = 1,
        retryDelay: Duration = .seconds(1)
    ) {
        self.client = client
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.retries = retries
        self.retryDelay = retryDelay
        self.throttle = HostThrottle(perHost: perHost, spacing: spacing)
    }

    /// The outcome of every URL, fetched concurrently.
    public func check(_ urls: [String]) async -> [String: LinkOutcome] {
        var outcomes: [String: LinkOutcome] = [:]
        await withTaskGroup(of: (String, LinkOutcome).self) { group in
            var pending = urls[...]
            func startNext() {
                guard let url = pending.popFirst() else { return }
                group.addTask { (url, await outcome(of: url)) }
            }
            for _ in 0..<concurrency { startNext() }
            while let (url, outcome) = await group.next() {
                outcomes[url] = outcome
                startNext()
            }
        }
        return outcomes
    }

    /// One URL's outcome after retries.
    public func outcome(of url: String) async -> LinkOutcome {
        var attempt = 0
        while true {
            let outcome = await fetch(url)
            let isTransient: Bool
            switch outcome {
            case .unreachable: isTransient = true
            case .failed(let status): isTransient = status >= 500 || status == 429
            default: isTransient = false
            }
            guard isTransient, attempt < retries else { return outcome }
            attempt += 1
            try? await Task.sleep(for: retryDelay)
        }
    }

    private func fetch(_ url: String) async -> LinkOutcome {
        let host = LinkAddress(url)?.host ?? url
        do {
            var response = try await throttle.run(host: host) {
                try await client.send(WebRequest(url: url, method: .head, timeout: timeout, bodyLimit: 0))
            }
            if response.status >= 400 {
                response = try await throttle.run(host: host) {
                    try await client.send(WebRequest(url: url, method: .get, timeout: timeout, bodyLimit: 4 << 20))
                }
            }
            if response.status >= 400 { return .failed(status: response.status) }
            return response.redirects.isEmpty || response.url == url ? .alive : .redirected(to: response.url)
        } catch let error as WebError {
            if case .bodyTooLarge = error { return .alive }
            return .unreachable(reason: error.description)
        } catch {
            return .unreachable(reason: String(describing: error))
        }
    }
}
