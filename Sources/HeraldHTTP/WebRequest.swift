/// One HTTP request as Herald's network features make it: a link check, an API call, a page
/// whose title a submission needs.
///
/// The limits travel with the request because each caller needs different ones: a link check
/// wants a short timeout and no body, a feed may be large, a submitted page is capped.
public struct WebRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case head = "HEAD"
    }

    public var url: String
    public var method: Method
    /// Extra header fields, in order (`Accept`, `Authorization`…).
    public var headers: [(name: String, value: String)]
    /// The most time the whole exchange may take, redirects included.
    public var timeout: Duration
    /// The largest body accepted; a longer one fails with ``WebError/bodyTooLarge(url:limit:)``.
    public var bodyLimit: Int
    /// How many redirects are followed before failing with ``WebError/tooManyRedirects(url:)``;
    /// 0 returns the redirect itself.
    public var redirectLimit: Int

    public init(
        url: String, method: Method = .get, headers: [(name: String, value: String)] = [],
        timeout: Duration = .seconds(15), bodyLimit: Int = 8 << 20, redirectLimit: Int = 8
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.timeout = timeout
        self.bodyLimit = bodyLimit
        self.redirectLimit = redirectLimit
    }

    public static func == (lhs: WebRequest, rhs: WebRequest) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.timeout == rhs.timeout && lhs.bodyLimit == rhs.bodyLimit
            && lhs.redirectLimit == rhs.redirectLimit && lhs.headers.elementsEqual(rhs.headers, by: ==)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
        hasher.combine(method)
        for header in headers {
            hasher.combine(header.name)
            hasher.combine(header.value)
        }
    }
}
