import Foundation

/// What GitHub says is left of the hour's requests, from its `x-ratelimit-*` headers.
///
/// Herald reports it after gathering, so an editor without a token sees why a second run
/// within the hour may have to wait.
public struct RateLimitQuota: Hashable, Sendable, CustomStringConvertible {
    public var remaining: Int
    public var limit: Int
    /// When the quota is refilled.
    public var reset: Date

    /// The quota in a response's headers, when it has them.
    init?(header: (String) -> String?) {
        guard let remaining = header("x-ratelimit-remaining").flatMap(Int.init),
            let limit = header("x-ratelimit-limit").flatMap(Int.init),
            let reset = header("x-ratelimit-reset").flatMap(TimeInterval.init)
        else { return nil }
        self.remaining = remaining
        self.limit = limit
        self.reset = Date(timeIntervalSince1970: reset)
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
