import Foundation
import HeraldHTTP
import HeraldTestSupport
import Testing

@Suite("One deadline for a whole fetch")
struct FetchDeadlineTests {
    @Test("a server that answers at once and drips its body is cut off at the request's timeout")
    func drippingBody() async throws {
        let server = try await FixtureServer.start { _ in
            var reply = FixtureServer.Reply(
                headers: [("Content-Type", "text/html")], body: Array(repeating: UInt8(ascii: "x"), count: 200))
            reply.drip = .milliseconds(300)
            return reply
        }
        defer { Task { await server.stop() } }
        let started = ContinuousClock.now
        await #expect(throws: WebError.timedOut(url: server.url("/drip"))) {
            try await WebClient().send(WebRequest(url: server.url("/drip"), timeout: .seconds(1)))
        }
        // The head arrives at once and the whole body would take 60 s; the bound leaves room for a
        // machine busy with the rest of the suite (a 6 s bound once failed at 6.5 s under load).
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test("a body that arrives within the timeout is read whole")
    func quickBody() async throws {
        let server = try await FixtureServer.start { _ in
            var reply = FixtureServer.Reply(headers: [("Content-Type", "text/plain")], body: Array("abc".utf8))
            reply.drip = .milliseconds(10)
            return reply
        }
        defer { Task { await server.stop() } }
        let response = try await WebClient().send(WebRequest(url: server.url("/"), timeout: .seconds(5)))
        #expect(response.text == "abc")
    }
}
