import HeraldSMTP

/// Decides when to give up on the relays: at once for a refusal that retrying cannot change
/// (bad credentials, an untrusted certificate), or after every connection failed to open three
/// times in a row with none opening in between.
actor RelayHealth {
    private let limit: Int
    private var consecutiveFailures = 0
    /// The error that ended the send, if one did.
    private(set) var fatal: SMTPError?

    init(connections: Int) {
        limit = max(3, connections * 3)
    }

    func opened() { consecutiveFailures = 0 }

    /// Records a failure to open; returns true when the send should stop.
    func failedToOpen(_ error: SMTPError) -> Bool {
        if fatal != nil { return true }
        consecutiveFailures += 1
        if !error.isRetryable || consecutiveFailures >= limit {
            fatal = error
            return true
        }
        return false
    }
}
