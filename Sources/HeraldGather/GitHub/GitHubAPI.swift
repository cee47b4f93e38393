import Foundation
public import HeraldHTTP

/// GitHub's REST API as `herald gather github` uses it: authenticated when a token is given,
/// following pagination, and waiting out rate limits instead of failing on them.
///
/// GitHub documents three forms of refusal for going too fast, each a 403 or a 429: the primary
/// limit (`x-ratelimit-remaining: 0`, wait until `x-ratelimit-reset`), a secondary limit with
/// `retry-after` (wait that many seconds), and a secondary limit with neither (wait a minute, then
/// twice as long each time). The client waits for each, up to ``maximumWait`` and ``retries``
/// times, saying on `notify` what it waits for and until when, so a pause never looks like a
/// hang; beyond that it fails with a message saying when to try again. The clock is injected so
/// that tests can check the wait without waiting.
public actor GitHubAPI {
    /// How the client tells the time and waits; tests replace it.
    public typealias Clock = WaitClock

    public let base: String
    private let token: String?
    private let client: WebClient
    private let clock: Clock
    /// The longest Herald waits for a rate limit to lift before giving up.
    public let maximumWait: Duration
    /// How many times one request is retried after a rate limit.
    public let retries: Int
    /// The quota in the latest answer, whichever bucket it counts.
    public private(set) var quota: RateLimitQuota?
    /// The hourly core quota in the latest answer that counted against it.
    public private(set) var coreQuota: RateLimitQuota?
    /// How many times the client waited for a rate limit.
    public private(set) var waits = 0
    /// Told, in a sentence, each time the client starts waiting for a rate limit.
    private let notify: @Sendable (String) -> Void

    public init(
        base: String, token: String?, client: WebClient, clock: Clock = .system, maximumWait: Duration = .seconds(900),
        retries: Int = 3, notify: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.client = client
        self.clock = clock
        self.maximumWait = maximumWait
        self.retries = retries
        self.notify = notify
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

    /// Every element of a paginated array, following `Link: <…>; rel="next"` to the last page.
    ///
    /// - Throws: ``GatherError`` when a page fails, or when GitHub links back to a page already
    ///   read, which would otherwise loop for ever.
    func all<Element: Decodable>(_ url: String, as type: Element.Type) async throws(GatherError) -> [Element] {
        var elements: [Element] = []
        var next: String? = url
        var seen: Set<String> = []
        while let page = next {
            guard seen.insert(page).inserted else {
                throw GatherError(
                    .malformedJSON, source: page, message: "GitHub's pages link back to a page already read",
                    fix: "try again later")
            }
            let (items, following) = try await get(page, as: [Element].self)
            elements += items
            next = following
        }
        return elements
    }

    /// What a search found: its items, GitHub's count of all matches, and whether GitHub said the
    /// answer may be incomplete (its search timed out) even after being asked again.
    struct SearchAnswer: Sendable {
        var items: [GitHubIssue]
        var total: Int
        var isIncomplete: Bool
    }

    /// Every item a search finds, up to the 1,000 GitHub gives, most recently updated first when
    /// `byUpdate`; a page answered with `incomplete_results: true` is asked for twice more.
    func search(_ query: String, byUpdate: Bool = false, pages: Int = 10) async throws(GatherError) -> SearchAnswer {
        var parameters = [("q", query), ("per_page", "100")]
        if byUpdate { parameters += [("sort", "updated"), ("order", "desc")] }
        var next: String? = address("/search/issues", query: parameters)
        var answer = SearchAnswer(items: [], total: 0, isIncomplete: false)
        var count = 0
        while let page = next, count < pages {
            var (result, following) = try await get(page, as: GitHubSearchResult.self)
            for _ in 0..<2 where result.incompleteResults == true {
                (result, following) = try await get(page, as: GitHubSearchResult.self)
            }
            answer.items += result.items
            answer.total = result.totalCount
            answer.isIncomplete = answer.isIncomplete || result.incompleteResults == true
            next = following
            count += 1
        }
        return answer
    }

    /// The hourly core quota, from `GET /rate_limit` (which does not count against it), else from
    /// the latest answer that counted against it.
    func currentCoreQuota() async -> RateLimitQuota? {
        guard let answer = try? await get(address("/rate_limit"), as: GitHubRateLimits.self) else {
            return coreQuota
        }
        let core = answer.0.resources.core
        return RateLimitQuota(
            remaining: core.remaining, limit: core.limit, reset: Date(timeIntervalSince1970: core.reset),
            resource: "core")
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
            if let seen = RateLimitQuota(header: response.header) {
                quota = seen
                if seen.resource == nil || seen.resource == "core" { coreQuota = seen }
            }
            if response.isSuccess { return response }
            guard let limit = RateLimitRefusal(response, attempt: attempt, now: clock.now()) else {
                throw failure(response, url: url)
            }
            let until = RateLimitQuota.format(clock.now().addingTimeInterval(Double(limit.wait.components.seconds)))
            guard attempt < retries, limit.wait <= maximumWait else {
                throw GatherError(
                    .rateLimited, source: url, message: "GitHub's \(limit.name) is spent until \(until)",
                    fix: token == nil
                        ? "set GITHUB_TOKEN to a token for 5,000 requests an hour, or try again then"
                        : "try again then")
            }
            notify(
                "GitHub's \(limit.name) is spent: waiting until \(until) "
                    + "(\(limit.wait.components.seconds) s) to retry \(url)")
            attempt += 1
            waits += 1
            do {
                try await clock.sleep(limit.wait)
            } catch {
                throw GatherError(.rateLimited, source: url, message: "stopped while waiting for GitHub's rate limit")
            }
        }
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
