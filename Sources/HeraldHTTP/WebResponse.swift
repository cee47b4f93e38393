/// The answer to a ``WebRequest`` after any redirects were followed.
public struct WebResponse: Sendable {
    /// The final status code.
    public var status: Int
    /// The final response's header fields; look them up with ``header(_:)``.
    public var headers: [(name: String, value: String)]
    /// The final response's body (empty for `HEAD`).
    public var body: [UInt8]
    /// The address the final response came from: the request's URL when nothing redirected.
    public var url: String
    /// Every address that redirected, in order, with its status: `[(301, "http://…")]`.
    public var redirects: [(status: Int, url: String)]

    public init(
        status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], url: String,
        redirects: [(status: Int, url: String)] = []
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.redirects = redirects
    }

    /// The first value of a header field, compared without case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as text, with invalid UTF-8 repaired.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
