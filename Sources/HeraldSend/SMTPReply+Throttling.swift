import HeraldSMTP

extension SMTPReply {
    /// Whether the relay says "too fast": 421 (closing, often for rate), 454 with a throttling text,
    /// an enhanced 4.7.x code (policy, such as Amazon SES's `454 4.7.0 Throttling failure`), or a
    /// 4xx whose text says throttle, rate or too many. The sender then lowers its rate.
    var isThrottling: Bool {
        guard category == .transient else { return false }
        if code == 421 { return true }
        if let enhanced = enhancedStatusCode, enhanced.statusClass == 4, enhanced.subject == 7 { return true }
        let lowered = text.lowercased()
        return ["throttl", "rate limit", "too many", "slow down"].contains { lowered.contains($0) }
    }
}
