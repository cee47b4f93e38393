import Foundation
import HeraldSMTP
import HeraldTestSupport
import Testing

/// Not part of the test run: the measurement `scripts/benchmark-smtp.sh` starts by setting
/// `HERALD_SMTP_BENCHMARK="PORT MESSAGES CONNECTIONS"` with a sink (Postfix's smtp-sink) on 127.0.0.1:PORT.
/// It prints one JSON line with the rate; it checks only that every message was accepted.
@Suite(.enabled(if: BenchmarkSettings.current != nil, "set HERALD_SMTP_BENCHMARK to run"))
struct SMTPThroughputBenchmark {
    @Test func messagesIntoTheSink() async throws {
        let settings = try #require(BenchmarkSettings.current)
        var loopback = SMTPConfiguration(host: "127.0.0.1", port: settings.port, security: .startTLS)
        loopback.allowsPlaintextOnLoopback = true
        let configuration = loopback
        let body = Array(String(repeating: "A line of this week's issue, as a reader gets it.\r\n", count: 80).utf8)
        let started = ContinuousClock.now
        let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<settings.connections {
                group.addTask {
                    let connection = try await SMTPConnection.open(configuration)
                    var delivered = 0
                    for number in stride(from: worker, to: settings.messages, by: settings.connections) {
                        let recipient = "reader\(number)@example.org"
                        let message = try SMTPMessage(
                            headers: [
                                SMTPHeaderField("From", "news@example.org"), SMTPHeaderField("To", recipient),
                                SMTPHeaderField("Subject", "This Week in Quill 533"),
                                SMTPHeaderField("Message-ID", "<533.\(number)@example.org>"),
                            ], body: body)
                        let envelope = try SMTPEnvelope(sender: "news@example.org", recipient: recipient)
                        delivered += try await connection.send(message, envelope: envelope).delivered.count
                    }
                    await connection.close()
                    return delivered
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(settings.messages) / seconds
        print(
            #"{"messages": \#(settings.messages), "connections": \#(settings.connections), "#
                + #""seconds": \#(String(format: "%.2f", seconds)), "messages_per_second": \#(Int(rate))}"#)
        #expect(delivered == settings.messages)
    }
}

/// `HERALD_SMTP_BENCHMARK="PORT MESSAGES CONNECTIONS"`, read once.
enum BenchmarkSettings {
    static let current: (port: Int, messages: Int, connections: Int)? = {
        let words = (ProcessInfo.processInfo.environment["HERALD_SMTP_BENCHMARK"] ?? "").split(separator: " ")
        guard words.count == 3, let port = Int(words[0]), let messages = Int(words[1]),
            let connections = Int(words[2]), messages > 0, (1...messages).contains(connections)
        else { return nil }
        return (port, messages, connections)
    }()
}
