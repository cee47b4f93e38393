import Foundation

/// How far a send has come, for the progress line and `--format json`.
public struct SendProgress: Sendable, Equatable {
    /// Recipients this send must reach in all (those already sent before a resume included).
    public var total: Int
    public var sent: Int
    /// Recipients waiting for another try now.
    public var deferred: Int
    public var failed: Int
    /// Messages accepted per second over the last few seconds.
    public var rate: Double
    /// Seconds since this run started.
    public var elapsed: Double

    public init(total: Int, sent: Int, deferred: Int, failed: Int, rate: Double, elapsed: Double) {
        self.total = total
        self.sent = sent
        self.deferred = deferred
        self.failed = failed
        self.rate = rate
        self.elapsed = elapsed
    }

    /// Seconds left at the current rate; `nil` before any message went out.
    public var secondsLeft: Double? {
        guard rate > 0 else { return nil }
        return Double(max(0, total - sent - failed)) / rate
    }

    /// `sent 41200/100000  deferred 12  failed 1  812/s  1m12s left`.
    public var line: String {
        var text = "sent \(sent)/\(total)  deferred \(deferred)  failed \(failed)  \(Int(rate.rounded()))/s"
        if let left = secondsLeft { text += "  \(Self.duration(left)) left" }
        return text
    }

    /// One JSON object per line, for tools watching a send.
    public var jsonLine: String {
        var text = "{\"event\":\"progress\",\"total\":\(total),\"sent\":\(sent),\"deferred\":\(deferred),"
        text += "\"failed\":\(failed),\"rate\":\(String(format: "%.1f", rate)),"
        text += "\"elapsed\":\(String(format: "%.1f", elapsed))"
        if let left = secondsLeft { text += ",\"secondsLeft\":\(Int(left.rounded()))" }
        return text + "}"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return "\(whole / 3600)h\(whole % 3600 / 60)m" }
        if whole >= 60 { return "\(whole / 60)m\(whole % 60)s" }
        return "\(whole)s"
    }
}

/// Counts outcomes as they come, and measures the rate over a sliding window.
actor ProgressCounter {
    private var progress: SendProgress
    private let started = ContinuousClock.now
    private var window: [(ContinuousClock.Instant, Int)] = []

    init(total: Int, alreadySent: Int, alreadyFailed: Int) {
        progress = SendProgress(
            total: total, sent: alreadySent, deferred: 0, failed: alreadyFailed, rate: 0, elapsed: 0)
    }

    func sent() { progress.sent += 1 }
    func failed() { progress.failed += 1 }

    /// The progress now, with `deferred` from the queue.
    func snapshot(deferred: Int) -> SendProgress {
        let now = ContinuousClock.now
        window.append((now, progress.sent))
        while let first = window.first, now - first.0 > .seconds(5) { window.removeFirst() }
        var current = progress
        current.deferred = deferred
        current.elapsed = Self.seconds(now - started)
        if let first = window.first, now > first.0 {
            current.rate = Double(progress.sent - first.1) / max(Self.seconds(now - first.0), 0.001)
        }
        return current
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
