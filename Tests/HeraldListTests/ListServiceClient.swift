import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Talks HTTP to a running sign-up service as browsers, mail providers and robots do.
struct ListServiceClient {
    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: String
    }

    let client: HTTPClient
    let base: String

    /// Runs `body` with a client allowing `connections` parallel connections, then shuts it down.
    static func with<T>(base: String, connections: Int = 8, _ body: (ListServiceClient) async throws -> T)
        async throws -> T
    {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        // Waiting for a pooled connection counts as connecting: a burst queues many requests.
        configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let value = try await body(ListServiceClient(client: client, base: base))
            try await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Answer {
        try await send(path, method: .GET, body: nil, headers: headers)
    }

    func post(
        _ path: String, _ body: String, type: String = "application/x-www-form-urlencoded",
        headers: [(String, String)] = []
    ) async throws -> Answer {
        try await send(path, method: .POST, body: Array(body.utf8), headers: [("Content-Type", type)] + headers)
    }

    func post(_ path: String, bytes: [UInt8], headers: [(String, String)]) async throws -> Answer {
        try await send(path, method: .POST, body: bytes, headers: headers)
    }

    /// A sign-up from the form, the way the site's subscribe box posts it.
    func signUp(_ address: String, honeypot: String = "", json: Bool = false) async throws -> Answer {
        try await post(
            "/subscribe", "email=\(Self.formEncoded(address))&website=\(Self.formEncoded(honeypot))",
            headers: json ? [("Accept", "application/json")] : [])
    }

    func send(_ path: String, method: HTTPMethod, body: [UInt8]?, headers: [(String, String)]) async throws -> Answer {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// The confirmation link in a received mail: the quoted-printable text part decoded, the
/// first `http` word taken.
enum ConfirmationLink {
    static func find(in mail: String) -> String? {
        guard let blank = mail.range(of: "\r\n\r\n") else { return nil }
        let body = decodeQuotedPrintable(String(mail[blank.upperBound...]))
        // `isWhitespace`: Swift keeps CRLF as one Character, equal to neither "\r" nor "\n".
        return body.split(whereSeparator: \.isWhitespace)
            .first { $0.hasPrefix("http") }.map(String.init)
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
                let value = UInt8(String(decoding: joined[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
