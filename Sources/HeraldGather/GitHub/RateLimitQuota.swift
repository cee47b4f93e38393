public import Foundation

/// What GitHub says is left of a rate-limit bucket, from its `x-ratelimit-*` headers or from
/// `GET /rate_limit`.
///
/// Herald reports the hourly core quota after gathering (not the search bucket, which refills
/// every minute), so an editor sees how many runs the hour still allows.
public struct RateLimitQuota: Hashable, Sendable, CustomStringConvertible {
    public var remaining: Int
    public var limit: Int
    /// When the quota is refilled.
    public var reset: Date
    /// The bucket (`core`, `search`, `graphql`…), when GitHub names it.
    public var resource: String?

    public init(remaining: Int, limit: Int, reset: Date, resource: String? = nil) {
        self.remaining = remaining
        self.limit = limit
        self.reset = reset
        self.resource = resource
    }

    /// The quota in a response's headers, when it has them.
    init?(header: (String) -> String?) {
        guard let remaining = header("x-ratelimit-remaining").flatMap(Int.init),
            let limit = header("x-ratelimit-limit").flatMap(Int.init),
            let reset = header("x-ratelimit-reset").flatMap(TimeInterval.init)
        else { return nil }
        self.init(
            remaining: remaining, limit: limit, reset: Date(timeIntervalSince1970: reset),
            resource: header("x-ratelimit-resource"))
    }

    public var description: String {
        "GitHub API quota: \(remaining) of \(limit) requests left, refilled at \(RateLimitQuota.format(reset))"
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
