import Foundation
import HeraldCore
import HeraldList
import HeraldSMTP
import HeraldSend

/// One `herald send` run once its setup is made: the plan, the send with its progress, the summary.
struct SendRun: Sendable {
    let setup: SendSetup
    let mode: SendMode
    let format: SendOutputFormat
    let dryRun: Bool
    /// The lease of a `--worker` run's claims; `nil` for a send on one machine.
    let worker: Duration?
    /// Recipients a worker claims at once.
    let batch: Int

    /// Runs; returns how it failed, or `nil` when every message went out.
    func perform(journal: any SendJournal, store: any SubscriberStore) async -> ExitKind? {
        let sender = setup.sender
        if dryRun { return await plan(journal: journal, store: store) }
        do {
            let printer = ProgressPrinter(format: format)
            let report: IssueSender.Report
            if let lease = worker {
                guard let claims = journal as? any SendClaiming else {
                    throw SendError(.invalidConfiguration, "--worker needs [list] database to be a postgres:// URL")
                }
                report = try await sender.runWorker(
                    issue: setup.issueNumber, claims: claims, batch: batch, lease: lease
                ) { printer.show($0) }
            } else {
                let send = try await sender.prepare(issue: setup.issueNumber, mode: mode, journal: journal)
                report = try await sender.run(send, journal: journal) { printer.show($0) }
            }
            printer.end()
            summarise(report)
            return report.summary.count(.failed) > 0 ? .problemsFound : nil
        } catch {
            if format == .json { print(#"{"event":"error","message":\#(Self.quoted("\(error)"))}"#) }
            StandardError.write("error: \(error)")
            return (error as? SendError)?.code.exit ?? .unusable
        }
    }

    private func plan(journal: any SendJournal, store: any SubscriberStore) async -> ExitKind? {
        let sender = setup.sender
        do {
            let latest = try await journal.latestSend(ofIssue: setup.issueNumber)
            let subscribers = try await store.allSubscribers().filter { $0.status == .subscribed }
            var recipients = subscribers.map { ($0.id ?? 0, $0.address.text) }
            var state = "not sent yet"
            if let latest {
                state =
                    latest.finishedAt == nil
                    ? "a send started \(IssueSender.timestamp(latest.startedAt)) is unfinished"
                    : "sent \(IssueSender.timestamp(latest.finishedAt!))"
                if latest.finishedAt == nil, mode == .resume {
                    recipients = try await journal.pendingRecipients(of: latest.id).compactMap { recipient in
                        recipient.address.map { (recipient.subscriberID, $0) }
                    }
                }
            }
            let rate = sender.rate.map { "\(Int($0))/s" } ?? "unlimited (slowed by throttling replies)"
            print("issue \(setup.issueNumber): \(state)")
            print("recipients: \(recipients.count)")
            let relays = sender.relays.map { "\($0.configuration) (weight \($0.weight))" }
            print("relays: " + relays.joined(separator: ", "))
            print("connections: \(sender.connections), rate: \(rate)")
            if let first = recipients.first {
                let bytes = sender.personalisation.message(
                    issue: setup.issueNumber, sendID: "dry-run", subscriberID: first.0, address: first.1)
                print("first message:\n")
                print(String(decoding: bytes, as: UTF8.self))
            }
            return nil
        } catch {
            StandardError.write("error: \(error)")
            return .unusable
        }
    }

    private func summarise(_ report: IssueSender.Report) {
        let summary = report.summary
        let rate = report.seconds > 0 ? Double(report.sentNow) / report.seconds : 0
        if format == .json {
            let line = SummaryLine(
                issue: report.send.issue, send: report.send.id, sent: summary.count(.sent),
                failed: summary.count(.failed), skipped: summary.count(.skipped),
                pending: summary.count(.queued) + summary.count(.deferred), seconds: report.seconds, rate: rate,
                failures: summary.failures.map { .init(code: $0.replyCode, reply: $0.replyText, count: $0.count) })
            let data = (try? JSONEncoder().encode(line)) ?? Data()
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print(
            "issue \(report.send.issue): sent \(summary.count(.sent)), failed \(summary.count(.failed)), "
                + "skipped \(summary.count(.skipped)); this run sent \(report.sentNow) in "
                + "\(String(format: "%.1f", report.seconds)) s (\(Int(rate.rounded()))/s)")
        if !summary.failures.isEmpty {
            print("failures by reply:")
            for failure in summary.failures { print("  \(failure.count)  \(failure.replyText)") }
        }
    }

    /// Sends the one message of `--test-to`, outside the journal; returns how it failed, if it did.
    static func test(_ setup: SendSetup, to address: String) async -> ExitKind? {
        let sender = setup.sender
        let bytes = sender.personalisation.message(
            issue: setup.issueNumber, sendID: "test-" + UUID().uuidString.prefix(8).lowercased(), subscriberID: 0,
            address: address)
        do {
            let message = try SMTPMessage(composed: bytes)
            let envelope = try SMTPEnvelope(sender: sender.envelopeSender, recipient: address)
            let delivery = try await SMTPClient(configuration: sender.relays[0].configuration)
                .send(message, envelope: envelope)
            let outcome = delivery.outcomes[0]
            print("\(address): \(outcome.reply)")
            return outcome.isDelivered ? nil : .problemsFound
        } catch {
            StandardError.write("error: \(error)")
            return error.isRetryable ? .unreachable : .unusable
        }
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The last line of `--format json`.
private struct SummaryLine: Encodable {
    struct Failure: Encodable {
        var code: Int?
        var reply: String
        var count: Int
    }

    var event = "summary"
    var issue: Int
    var send: Int64
    var sent: Int
    var failed: Int
    var skipped: Int
    var pending: Int
    var seconds: Double
    var rate: Double
    var failures: [Failure]
}

/// Shows progress: a line rewritten in place when standard error is a terminal, JSON lines on
/// standard output with `--format json` (one a second), nothing otherwise.
final class ProgressPrinter: @unchecked Sendable {
    private let format: SendOutputFormat
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastJSON = Date.distantPast
    private var shown = false

    init(format: SendOutputFormat) { self.format = format }

    func show(_ progress: SendProgress) {
        lock.lock()
        defer { lock.unlock() }
        if format == .json {
            guard Date().timeIntervalSince(lastJSON) >= 1 else { return }
            lastJSON = Date()
            FileHandle.standardOutput.write(Data((progress.jsonLine + "\n").utf8))
        } else if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + progress.line).utf8))
            shown = true
        }
    }

    func end() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
