import Foundation
import Hummingbird
import Logging

/// An HTTP server on 127.0.0.1 that tests start themselves, answering from a closure: the stand-in
/// for link targets, GitHub's API, a Discourse forum or a calendar feed. No test reaches further.
public final class FixtureServer: Sendable {
    /// What the server saw of one request.
    public struct Request: Sendable {
        public var method: String
        /// Path and query, as sent: `/search/issues?q=…`.
        public var target: String
        public var path: String
        public var query: [String: String]
        /// Header fields with lowercased names.
        public var headers: [String: String]
    }

    /// What the server answers.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// How long to wait before answering, to provoke timeouts.
        public var delay: Duration
        /// When set, the head is sent at once and the body one byte per interval, as a server
        /// that drips its answer to keep a client waiting.
        public var drip: Duration?

        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public init(status: Int = 200, contentType: String, _ text: String, headers: [(String, String)] = []) {
            self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(text.utf8))
        }

        public static func redirect(_ status: Int = 301, to location: String) -> Reply {
            Reply(status: status, headers: [("Location", location)])
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let baseURL: String
    private let task: Task<Void, any Error>
    private let log: RequestLog

    /// Starts a server on a free port; it answers every request with `handler`.
    public static func start(
        _ handler: @escaping @Sendable (Request) async -> Reply
    ) async throws -> FixtureServer {
        let log = RequestLog()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "herald.fixture")
        logger.logLevel = .critical
        let application = Application(
            responder: FixtureResponder(handler: handler, log: log),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let task = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port != 0 else {
            task.cancel()
            throw FixtureError(description: "the fixture server did not start")
        }
        return FixtureServer(baseURL: "http://127.0.0.1:\(port)", task: task, log: log)
    }

    private init(baseURL: String, task: Task<Void, any Error>, log: RequestLog) {
        self.baseURL = baseURL
        self.task = task
        self.log = log
    }

    /// The address of `path` on this server.
    public func url(_ path: String) -> String { baseURL + path }

    /// Every request answered so far, in order.
    public func requests() async -> [Request] { await log.requests }

    /// Stops the server and waits until it has.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// A test's failure to set up its server.
public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
}

private actor RequestLog {
    var requests: [FixtureServer.Request] = []

    func append(_ request: FixtureServer.Request) { requests.append(request) }
}

private struct FixtureResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: @Sendable (FixtureServer.Request) async -> FixtureServer.Reply
    let log: RequestLog

    func respond(to request: Hummingbird.Request, context: Context) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let seen = FixtureServer.Request(
            method: request.method.rawValue, target: request.uri.description, path: request.uri.path, query: query,
            headers: headers)
        await log.append(seen)
        let reply = await handler(seen)
        if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let name = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: name, value: value)) }
        }
        var body = ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body))
        if let interval = reply.drip {
            let bytes = reply.body
            body = ResponseBody(contentLength: bytes.count) { writer in
                for byte in bytes {
                    try await writer.write(ByteBuffer(bytes: [byte]))
                    try await Task.sleep(for: interval)
                }
                try await writer.finish(nil)
            }
        }
        let response = Response(status: HTTPResponse.Status(code: reply.status), headers: fields, body: body)
        return request.method == .head ? response.createHeadResponse() : response
    }
}
