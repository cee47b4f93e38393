import Foundation
import HeraldHTTP

/// GitHub's REST API as `herald gather github` uses it: authenticated when a token is given,
/// following pagination, and waiting out rate limits instead of failing on them.
///
/// When GitHub answers 403 or 429 with `retry-after`, or with `x-ratelimit-remaining: 0` and a
/// reset time, the client sleeps until then and retries, up to ``maximumWait``; beyond that it
/// fails with a message saying when to try again. The clock is injected so that tests can
/// check the wait without waiting.
public actor GitHubAPI {
    /// How the client tells the time and waits; tests replace it.
    public struct Clock: Sendable {
        public var now: @Sendable () -> Date
        public var sleep: @Sendable (Duration) async throws -> Void

        public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
            self.now = now
            self.sleep = sleep
        }

        public static let system = Clock(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
    }

    public let base: String
    private let token: String?
    private let client: WebClient
    private let clock: Clock
    /// The longest Herald waits for a rate limit to lift before giving up.
    public let maximumWait: Duration
    /// How many times one request is retried after a rate limit.
    public let retries: Int
    /// The quota in the latest answer.
    public private(set) var quota: RateLimitQuota?
    /// How many times the client waited for a rate limit.
    public private(set) var waits = 0

    public init(
        base: String, token: String?, client: WebClient, clock: Clock = .system, maximumWait: Duration = .seconds(900),
        retries: Int = 3
    ) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.client = client
        self.clock = clock
        self.maximumWait = maximumWait
        self.retries = retries
    }

    /// `path` (`/search/issues`) with `query` encoded, on this API's base.
    func address(_ path: String, query: [(String, String)] = []) -> String {
        guard !query.isEmpty else { return base + path }
        return base + path + "?" + query.map { "\($0)=\(Self.encode($1))" }.joined(separator: "&")
    }

    /// Decodes the answer at `url`, and the address of the next page from its `Link` header.
    func get<T: Decodable>(_ url: String, as type: T.Type) async throws(GatherError) -> (T, next: String?) {
        let response = try await send(url)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return (try decoder.decode(T.self, from: Data(response.body)), Self.nextPage(response.header("link")))
        } catch {
            throw GatherError(
                .malformedJSON, source: url,
                message: "GitHub's answer is not what Herald expects (\(Self.describe(error)))",
                fix: "check [gather.github] api points at GitHub's REST API")
        }
    }

    /// Every element of a paginated array, following `Link: <…>; rel="next"` up to `pages` pages.
    func all<Element: Decodable>(_ url: String, as type: Element.Type, pages: Int = 10) async throws(GatherError)
        -> [Element]
    {
        var elements: [Element] = []
        var next: String? = url
        var count = 0
        while let page = next, count < pages {
            let (items, following) = try await get(page, as: [Element].self)
            elements += items
            next = following
            count += 1
        }
        return elements
    }

    /// Every item a search finds (GitHub stops at 1,000), and its total count.
    func search(_ query: String, pages: Int = 10) async throws(GatherError) -> (items: [GitHubIssue], total: Int) {
        var next: String? = address("/search/issues", query: [("q", query), ("per_page", "100")])
        var items: [GitHubIssue] = []
        var total = 0
        var count = 0
        while let page = next, count < pages {
            let (result, following) = try await get(page, as: GitHubSearchResult.self)
            items += result.items
            total = result.totalCount
            next = following
            count += 1
        }
        return (items, total)
    }

    private func send(_ url: String) async throws(GatherError) -> WebResponse {
        var headers: [(name: String, value: String)] = [
            ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"),
        ]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        var attempt = 0
        while true {
            let response: WebResponse
            do {
                response = try await client.send(WebRequest(url: url, headers: headers, timeout: .seconds(60)))
            } catch {
                throw GatherError(.sourceUnreachable, source: url, message: error.description, fix: "check the network")
            }
            if let seen = RateLimitQuota(header: response.header) { quota = seen }
            if response.isSuccess { return response }
            guard [403, 429].contains(response.status), let wait = rateLimitWait(response) else {
                throw failure(response, url: url)
            }
            guard attempt < retries, wait <= maximumWait else {
                let until = RateLimitQuota.format(clock.now().addingTimeInterval(Double(wait.components.seconds)))
                throw GatherError(
                    .rateLimited, source: url, message: "GitHub's rate limit is spent until \(until)",
                    fix: token == nil
                        ? "set GITHUB_TOKEN to a token for 5,000 requests an hour, or try again then"
                        : "try again then")
            }
            attempt += 1
            waits += 1
            do {
                try await clock.sleep(wait)
            } catch {
                throw GatherError(.rateLimited, source: url, message: "stopped while waiting for GitHub's rate limit")
            }
        }
    }

    /// How long to wait before retrying a refused request, or `nil` when it was not a rate limit.
    private func rateLimitWait(_ response: WebResponse) -> Duration? {
        if let seconds = response.header("retry-after").flatMap(Int.init) {
            return .seconds(max(1, seconds))
        }
        guard response.header("x-ratelimit-remaining") == "0",
            let reset = response.header("x-ratelimit-reset").flatMap(TimeInterval.init)
        else { return nil }
        let seconds = reset - clock.now().timeIntervalSince1970
        return .seconds(max(1, Int(seconds.rounded(.up)) + 1))
    }

    private func failure(_ response: WebResponse, url: String) -> GatherError {
        let detail = (try? JSONDecoder().decode(GitHubMessage.self, from: Data(response.body)))?.message
        let message = "GitHub answered \(response.status)" + (detail.map { ": \($0)" } ?? "")
        let fix: String? =
            switch response.status {
            case 401: "check the token in GITHUB_TOKEN"
            case 403: token == nil ? "set GITHUB_TOKEN to a token that may read this" : "check the token's access"
            case 404, 422: "check the repositories and labels in [gather.github]"
            default: "try again later"
            }
        return GatherError(.sourceStatus, source: url, message: message, fix: fix)
    }

    /// The `rel="next"` address of a `Link` header.
    static func nextPage(_ link: String?) -> String? {
        guard let link else { return nil }
        for part in link.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count >= 2,
                pieces.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "") == "rel=\"next\"" }),
                pieces[0].hasPrefix("<"), pieces[0].hasSuffix(">")
            else { continue }
            return String(pieces[0].dropFirst().dropLast())
        }
        return nil
    }

    /// Percent-encodes a query value: everything but unreserved characters.
    static func encode(_ value: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "no '\(snakeCase(key.stringValue))' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "unexpected value at \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty
            ? "the top"
            : context.codingPath.map { $0.intValue.map(String.init) ?? snakeCase($0.stringValue) }.joined(
                separator: ".")
    }

    /// `postStream` as the JSON spells it, `post_stream`.
    private static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
