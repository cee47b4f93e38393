/// Why a request got no answer. Statuses are answers, so a 404 is a ``WebResponse``, not an error.
public enum WebError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL cannot be requested (no host, a scheme other than http or https).
    case invalidURL(String)
    /// No answer within the request's timeout.
    case timedOut(url: String)
    /// The host could not be reached: no such name, connection refused, TLS failure.
    case unreachable(url: String, reason: String)
    /// The body is longer than the request's limit.
    case bodyTooLarge(url: String, limit: Int)
    /// More redirects than the request allows, or a redirect loop.
    case tooManyRedirects(url: String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "'\(url)' is not an http or https address"
        case .timedOut(let url): "\(url) did not answer in time"
        case .unreachable(let url, let reason): "cannot reach \(url): \(reason)"
        case .bodyTooLarge(let url, let limit): "\(url) sent more than \(limit) bytes"
        case .tooManyRedirects(let url): "\(url) redirects too many times"
        }
    }

    /// The address the failure concerns.
    public var url: String {
        switch self {
        case .invalidURL(let url), .timedOut(let url), .unreachable(let url, _), .bodyTooLarge(let url, _),
            .tooManyRedirects(let url):
            url
        }
    }
}
