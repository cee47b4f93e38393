import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// Herald's one HTTP client: link checks, feeds, APIs and submitted pages all go through it.
///
/// Redirects are followed here rather than by the underlying client so that each hop is
/// recorded (a link check suggests the final address) and so that a `303` turns into a `GET`
/// whatever the first method was. Bodies are read up to the request's limit and no further.
public final class WebClient: Sendable {
    private let client: HTTPClient
    /// Sent with every request, so that site owners can see who is asking.
    public let userAgent: String

    public init(userAgent: String = WebClient.defaultUserAgent) {
        self.userAgent = userAgent
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: .seconds(30)),
            decompression: .enabled(limit: .ratio(50)))
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    deinit {
        try? client.syncShutdown()
    }

    public static let defaultUserAgent = "Herald/1.0 (newsletter tool; link checks, gathering, submissions)"

    /// Sends `request`, following redirects up to its limit, all of it (every head and body)
    /// within the request's one ``WebRequest/timeout``.
    ///
    /// The deadline is raced against the whole exchange rather than given to each step, so a
    /// server that answers at once and then drips its body a byte at a time is cut off at the
    /// deadline like one that never answers.
    ///
    /// - Throws: ``WebError`` when no final answer arrives; any status, 404 or 500 included, is
    ///   an answer.
    public func send(_ request: WebRequest) async throws(WebError) -> WebResponse {
        let outcome = await withTaskGroup(
            of: Result<WebResponse, WebError>?.self, returning: Result<WebResponse, WebError>.self
        ) { group in
            group.addTask {
                do throws(WebError) {
                    return .success(try await self.following(request))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: request.timeout + WebClient.deadlineGrace)
                } catch {
                    return nil
                }
                return .failure(.timedOut(url: request.url))
            }
            // The first to finish decides, except that when the deadline comes first the exchange
            // is cancelled and still awaited: an answer already read (its task not yet run on a
            // busy machine) wins, anything else is the timeout.
            var deadlinePassed = false
            while let finished = await group.next() {
                guard let finished else { continue }
                if case .failure(.timedOut) = finished, !deadlinePassed {
                    deadlinePassed = true
                    group.cancelAll()
                    continue
                }
                group.cancelAll()
                if deadlinePassed, case .failure = finished { return .failure(.timedOut(url: request.url)) }
                return finished
            }
            return .failure(.timedOut(url: request.url))
        }
        return try outcome.get()
    }

    /// How long after the deadline the race gives up: the exchange is given the same deadline
    /// for its heads, so a refused or unanswered connection still fails with its own error.
    static let deadlineGrace: Duration = .milliseconds(250)

    /// The exchange ``send(_:)`` bounds: requests and redirects until a final answer.
    private func following(_ request: WebRequest) async throws(WebError) -> WebResponse {
        let deadline = NIODeadline.now() + .nanoseconds(Int64(request.timeout.inNanoseconds))
        var url = request.url
        var method = request.method
        var redirects: [(status: Int, url: String)] = []
        var seen: Set<String> = [url]
        while true {
            try Self.validate(url)
            let answer = try await exchange(url: url, method: method, request: request, deadline: deadline)
            guard (300..<400).contains(answer.status), answer.status != 304, request.redirectLimit > 0,
                let location = answer.header("location"), let next = Self.resolve(location, against: url)
            else {
                return WebResponse(
                    status: answer.status, headers: answer.headers, body: answer.body, url: url, redirects: redirects)
            }
            redirects.append((answer.status, url))
            guard redirects.count <= request.redirectLimit, seen.insert(next).inserted else {
                throw .tooManyRedirects(url: request.url)
            }
            if answer.status == 303 { method = .get }
            url = next
        }
    }

    private func exchange(
        url: String, method: WebRequest.Method, request: WebRequest, deadline: NIODeadline
    ) async throws(WebError) -> WebResponse {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = method == .head ? .HEAD : .GET
        outgoing.headers.add(name: "User-Agent", value: userAgent)
        for header in request.headers { outgoing.headers.replaceOrAdd(name: header.name, value: header.value) }
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            let headers = response.headers.map { (name: $0.name, value: $0.value) }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init),
                length > request.bodyLimit,
                method == .get
            {
                throw WebError.bodyTooLarge(url: url, limit: request.bodyLimit)
            }
            var body: [UInt8] = []
            if method == .get {
                for try await buffer in response.body {
                    try Task.checkCancellation()
                    body.append(contentsOf: buffer.readableBytesView)
                    if body.count > request.bodyLimit {
                        throw WebError.bodyTooLarge(url: url, limit: request.bodyLimit)
                    }
                }
            }
            return WebResponse(status: Int(response.status.code), headers: headers, body: body, url: url)
        } catch let error as WebError {
            throw error
        } catch {
            throw Self.webError(error, url: url)
        }
    }

    private static func webError(_ error: any Error, url: String) -> WebError {
        if let error = error as? HTTPClientError,
            [.deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout].contains(error)
        {
            return .timedOut(url: url)
        }
        return .unreachable(url: url, reason: String(describing: error))
    }

    private static func validate(_ url: String) throws(WebError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw .invalidURL(url) }
    }

    /// A `Location` value made absolute against the address that sent it.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let resolved = URL(string: location, relativeTo: baseURL) else {
            return nil
        }
        return resolved.absoluteString
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating for very long durations.
    var inNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
