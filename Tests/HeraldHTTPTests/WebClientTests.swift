import HeraldHTTP
import HeraldTestSupport
import Testing

@Suite("WebClient against a local server")
struct WebClientTests {
    @Test("follows redirects and records each hop")
    func redirects() async throws {
        let server = try await FixtureServer.start { request in
            switch request.path {
            case "/old": .redirect(301, to: "/middle")
            case "/middle": .redirect(302, to: "/new?x=1")
            case "/new": FixtureServer.Reply(contentType: "text/plain", "arrived")
            default: FixtureServer.Reply(status: 404)
            }
        }
        defer { Task { await server.stop() } }
        let response = try await WebClient().send(WebRequest(url: server.url("/old")))
        #expect(response.status == 200)
        #expect(response.text == "arrived")
        #expect(response.url == server.url("/new?x=1"))
        #expect(response.redirects.map(\.status) == [301, 302])
        #expect(response.redirects.map(\.url) == [server.url("/old"), server.url("/middle")])
    }

    @Test("a redirect loop fails instead of spinning")
    func redirectLoop() async throws {
        let server = try await FixtureServer.start { request in
            .redirect(302, to: request.path == "/a" ? "/b" : "/a")
        }
        defer { Task { await server.stop() } }
        await #expect(throws: WebError.tooManyRedirects(url: server.url("/a"))) {
            try await WebClient().send(WebRequest(url: server.url("/a")))
        }
    }

    @Test("statuses are answers, HEAD has no body, and the user agent is sent")
    func statuses() async throws {
        let server = try await FixtureServer.start { request in
            FixtureServer.Reply(status: request.path == "/gone" ? 410 : 200, contentType: "text/plain", "body")
        }
        defer { Task { await server.stop() } }
        let client = WebClient()
        let gone = try await client.send(WebRequest(url: server.url("/gone"), method: .head))
        #expect(gone.status == 410)
        #expect(gone.body.isEmpty)
        let requests = await server.requests()
        #expect(requests.first?.method == "HEAD")
        #expect(requests.first?.headers["user-agent"] == client.userAgent)
    }

    @Test("a slow answer times out and a large one is refused")
    func limits() async throws {
        let server = try await FixtureServer.start { request in
            request.path == "/slow"
                ? FixtureServer.Reply(body: Array("late".utf8), delay: .seconds(3))
                : FixtureServer.Reply(body: [UInt8](repeating: 65, count: 5000))
        }
        defer { Task { await server.stop() } }
        let client = WebClient()
        await #expect(throws: WebError.timedOut(url: server.url("/slow"))) {
            try await client.send(WebRequest(url: server.url("/slow"), timeout: .milliseconds(300)))
        }
        await #expect(throws: WebError.bodyTooLarge(url: server.url("/big"), limit: 1000)) {
            try await client.send(WebRequest(url: server.url("/big"), bodyLimit: 1000))
        }
    }

    @Test("addresses that are not http or https are refused before any connection")
    func invalidURLs() async throws {
        for url in ["ftp://example.org/file", "mailto:someone@example.org", "http:///nohost"] {
            await #expect(throws: WebError.invalidURL(url)) { try await WebClient().send(WebRequest(url: url)) }
        }
    }

    @Test("a closed port is unreachable")
    func unreachable() async throws {
        let server = try await FixtureServer.start { _ in FixtureServer.Reply() }
        let url = server.url("/")
        await server.stop()
        await #expect {
            try await WebClient().send(WebRequest(url: url, timeout: .seconds(10)))
        } throws: { error in
            if case .unreachable = error as? WebError { return true }
            return false
        }
    }
}

@Suite("HostThrottle")
struct HostThrottleTests {
    @Test("never runs more than the limit against one host at once")
    func perHostLimit() async throws {
        let throttle = HostThrottle(perHost: 2, spacing: .zero)
        let counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    await throttle.run(host: "example.org") {
                        await counter.enter()
                        try? await Task.sleep(for: .milliseconds(20))
                        await counter.leave()
                    }
                }
            }
        }
        #expect(await counter.peak == 2)
    }

    @Test("spaces the starts of requests to one host")
    func spacing() async throws {
        let throttle = HostThrottle(perHost: 4, spacing: .milliseconds(50))
        let clock = ContinuousClock()
        let start = clock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { await throttle.run(host: "example.org") {} } }
        }
        #expect(clock.now - start >= .milliseconds(150))
    }
}

private actor Counter {
    private var current = 0
    private(set) var peak = 0

    func enter() {
        current += 1
        peak = max(peak, current)
    }

    func leave() { current -= 1 }
}
