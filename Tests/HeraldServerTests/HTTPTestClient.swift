import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deliberately raw HTTP/1.1 client over a socket: it sends request targets exactly as
/// written (`/../`, `/%2e%2e/`), which URLSession would normalise before sending.
///
/// Socket calls block, so they run on a thread of their own, never on the test's executor.
struct HTTPTestClient: Sendable {
    let port: Int

    struct Response: Sendable {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: String
    }

    struct ClientError: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request with `Connection: close` and reads the whole response.
    /// - Parameter host: the `Host` header; the address connected to by default.
    func request(
        _ target: String, method: String = "GET", host: String? = nil, headers: [String: String] = [:]
    ) async throws -> Response {
        let port = port
        let text = try await Self.offThread {
            let socket = try Self.connect(port: port)
            defer { close(socket) }
            let host = host ?? "127.0.0.1:\(port)"
            var request = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            try Self.write(request + "\r\n", to: socket)
            var received: [UInt8] = []
            try Self.read(from: socket, into: &received, until: { _ in false })
            return String(decoding: received, as: UTF8.self)
        }
        return try Self.parse(text)
    }

    /// Opens the event stream at `target` and reads it until `event` has arrived, after
    /// running `trigger` once the stream is open.
    func awaitEvent(_ event: String, at target: String, after trigger: @escaping @Sendable () throws -> Void)
        async throws -> String
    {
        let port = port
        return try await Self.offThread {
            let socket = try Self.connect(port: port)
            defer { close(socket) }
            try Self.write("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n", to: socket)
            var received: [UInt8] = []
            try Self.read(from: socket, into: &received, until: { $0.contains(": connected") })
            try trigger()
            try Self.read(from: socket, into: &received, until: { $0.contains("event: \(event)\n") })
            return String(decoding: received, as: UTF8.self)
        }
    }

    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private static func connect(port: Int) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ClientError(description: "socket() failed") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw ClientError(description: "cannot connect to port \(port)")
        }
        return fd
    }

    private static func write(_ text: String, to socket: Int32) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { systemSend(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw ClientError(description: "send failed") }
            sent += count
        }
    }

    /// Reads into `received` until the peer closes or `done` says all received so far is enough; fails after the
    /// socket's 30-second receive timeout, so a missing event fails the test instead of hanging it.
    private static func read(from socket: Int32, into received: inout [UInt8], until done: (String) -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(String(decoding: received, as: UTF8.self)) {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else {
                throw ClientError(
                    description: "no answer in time; received so far: \(String(decoding: received, as: UTF8.self))")
            }
            received += buffer[..<count]
        }
    }

    private static func parse(_ text: String) throws -> Response {
        guard let split = text.range(of: "\r\n\r\n") else {
            throw ClientError(description: "no response head in \(text)")
        }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw ClientError(description: "bad status line \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

#if canImport(Glibc)
    private let systemConnect = Glibc.connect
    private let systemSend = Glibc.send
#else
    private let systemConnect = Darwin.connect
    private let systemSend = Darwin.send
#endif
