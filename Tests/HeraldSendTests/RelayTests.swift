import Foundation
import HeraldSMTP
import Testing

@testable import HeraldSend

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif

@Suite struct RelayTests {
    @Test func connectionsAreSpreadByWeight() {
        let a = Relay(configuration: SMTPConfiguration(host: "a.example", port: 587, security: .startTLS), weight: 3)
        let b = Relay(configuration: SMTPConfiguration(host: "b.example", port: 587, security: .startTLS), weight: 1)
        let hosts = Relay.assign(8, over: [a, b]).map(\.host)
        #expect(hosts.filter { $0 == "a.example" }.count == 6)
        #expect(hosts.filter { $0 == "b.example" }.count == 2)
        #expect(Relay.assign(3, over: []).isEmpty)
    }

    @Test func retriesWaitLongerEachTimeUpToTheLongestDelay() {
        let policy = RetryPolicy(firstDelay: .seconds(1), longestDelay: .seconds(10), maximumAttempts: 5)
        #expect((1...6).map(policy.delay(after:)) == [1, 2, 4, 8, 10, 10].map { Duration.seconds($0) })
    }

    @Test func throttlingRepliesAreRecognised() {
        #expect(SMTPReply(code: 454, lines: ["4.7.0 Throttling failure: Maximum sending rate exceeded."]).isThrottling)
        #expect(SMTPReply(code: 421, lines: ["4.4.2 closing"]).isThrottling)
        #expect(SMTPReply(code: 451, lines: ["Too many messages, slow down"]).isThrottling)
        #expect(!SMTPReply(code: 451, lines: ["4.3.0 Temporary local problem"]).isThrottling)
        #expect(!SMTPReply(code: 550, lines: ["5.7.1 Rate limited forever"]).isThrottling)
    }

    @Test func aSplicedLinkKeepsQuotedPrintableLinesShort() {
        let link = "https://list.example.org/unsubscribe?token=" + String(repeating: "A", count: 120)
        let encoded = String(decoding: QuotedPrintableLink.encode(link), as: UTF8.self)
        let lines = encoded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "=")
        #expect(lines.allSatisfy { $0.count <= 76 && $0.hasSuffix("=") })
        #expect(encoded.contains("token=3DAAA"))
        let decoded = lines.map { String($0.dropLast()) }.joined().replacingOccurrences(of: "=3D", with: "=")
        #expect(decoded == link)
    }

    @Test func progressLineSaysTimeLeft() {
        let progress = SendProgress(total: 1000, sent: 400, deferred: 3, failed: 100, rate: 50, elapsed: 8)
        #expect(progress.line == "sent 400/1000  deferred 3  failed 100  50/s  10s left")
        #expect(progress.jsonLine.contains(#""secondsLeft":10"#))
    }
}
