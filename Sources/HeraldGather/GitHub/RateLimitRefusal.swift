import Foundation
import HeraldHTTP

/// A refusal GitHub documents as a rate limit, and how long to wait before asking again.
///
/// Every form is a 403 or a 429: the primary limit says `x-ratelimit-remaining: 0` and when the
/// bucket refills (`x-ratelimit-reset`); a secondary limit may say `retry-after`; and a secondary
/// limit may say neither, only its message, in which case GitHub asks for a minute's wait,
/// growing exponentially while the refusals go on. A 403 that is none of these is a permission
/// problem, not a limit.
struct RateLimitRefusal: Hashable, Sendable {
    /// `primary rate limit (search)`, `secondary rate limit`: what the wait is for, for people.
    var name: String
    var wait: Duration

    /// The refusal in `response`, or `nil` when it is not a rate limit; `attempt` counts the
    /// earlier retries of the same request, for the exponential wait.
    init?(_ response: WebResponse, attempt: Int, now: Date) {
        guard response.status == 403 || response.status == 429 else { return nil }
        let backoff = Duration.seconds(60 << min(max(attempt, 0), 10))
        if let seconds = response.header("retry-after").flatMap(Int.init) {
            self.init(name: "secondary rate limit", wait: .seconds(max(1, seconds)))
        } else if response.header("x-ratelimit-remaining") == "0" {
            let bucket = response.header("x-ratelimit-resource").map { " (\($0))" } ?? ""
            if let reset = response.header("x-ratelimit-reset").flatMap(TimeInterval.init) {
                let seconds = max(0, (reset - now.timeIntervalSince1970).rounded(.up))
                self.init(name: "rate limit" + bucket, wait: .seconds(max(1, Int(min(seconds, 86_400)) + 1)))
            } else {
                self.init(name: "rate limit" + bucket, wait: backoff)
            }
        } else if response.status == 429 || Self.saysRateLimit(response.body) {
            self.init(name: "secondary rate limit", wait: backoff)
        } else {
            return nil
        }
    }

    private init(name: String, wait: Duration) {
        self.name = name
        self.wait = wait
    }

    /// Whether GitHub's error message speaks of a rate limit ("You have exceeded a secondary rate limit").
    private static func saysRateLimit(_ body: [UInt8]) -> Bool {
        guard let message = try? JSONDecoder().decode(GitHubMessage.self, from: Data(body)).message else {
            return false
        }
        return message.lowercased().contains("rate limit")
    }
}
