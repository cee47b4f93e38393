import Foundation
import HeraldHTTP

/// Reads a Discourse forum's JSON API, waiting out its rate limit.
///
/// Discourse answers a client that asks too fast with 429 and `Retry-After` (seconds); reading a
/// topic of hundreds of posts in batches can reach it. The client says what it waits for and
/// until when, waits, and asks again, up to `retries` times and `maximumWait` each.
struct DiscourseClient: Sendable {
    var loader: SourceLoader
    var clock: WaitClock
    var retries = 3
    var maximumWait: Duration = .seconds(300)
    var notify: @Sendable (String) -> Void

    /// Fetches `url` and decodes its JSON (snake_case keys) as `T`.
    ///
    /// - Throws: ``GatherError`` naming the address: unreachable, a bad status, a rate limit
    ///   longer than the client waits, or JSON that is not what Herald expects (saying which key).
    func json<T: Decodable>(at url: String, as type: T.Type) async throws(GatherError) -> T {
        var attempt = 0
        while true {
            let response: WebResponse
            do {
                response = try await loader.client.send(
                    WebRequest(
                        url: url, headers: [("Accept", "application/json")], timeout: .seconds(30),
                        bodyLimit: loader.limit))
            } catch {
                throw GatherError(
                    .sourceUnreachable, source: url, message: error.description,
                    fix: "check the address and the network")
            }
            if response.status == 429 {
                let seconds = response.header("retry-after").flatMap(Int.init).map { max(1, $0) } ?? (5 << attempt)
                let until = RateLimitQuota.format(clock.now().addingTimeInterval(Double(seconds)))
                guard attempt < retries, .seconds(seconds) <= maximumWait else {
                    throw GatherError(
                        .rateLimited, source: url, message: "the forum's rate limit is spent until \(until)",
                        fix: "try again then")
                }
                notify("the forum's rate limit is spent: waiting until \(until) (\(seconds) s) to retry \(url)")
                attempt += 1
                do {
                    try await clock.sleep(.seconds(seconds))
                } catch {
                    throw GatherError(.rateLimited, source: url, message: "stopped while waiting for the forum")
                }
                continue
            }
            guard response.isSuccess else {
                throw GatherError(
                    .sourceStatus, source: url, message: "the server answered \(response.status)",
                    fix: response.status == 404 ? "check the address" : "try again later")
            }
            return try SourceLoader.decodeJSON(response.body, as: T.self, from: url)
        }
    }
}
