/// What fetching one link showed.
public enum LinkOutcome: Hashable, Sendable, Codable {
    /// A 2xx answer at the address itself.
    case alive
    /// A 2xx answer after redirects to another address.
    case redirected(to: String)
    /// A 4xx or 5xx answer (after any redirects).
    case failed(status: Int)
    /// No answer: a timeout, an unknown host, a refused connection.
    case unreachable(reason: String)
}
