/// An RFC 3463 enhanced status code such as `4.7.0`: class, subject and detail.
///
/// Servers put it at the start of a reply's text; it says more than the three-digit code
/// (`5.1.1` is an unknown mailbox, `4.7.0` a throttling or security refusal), so reports keep it.
public struct EnhancedStatusCode: Hashable, Sendable, CustomStringConvertible {
    /// 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
    public let statusClass: Int
    public let subject: Int
    public let detail: Int

    public init(statusClass: Int, subject: Int, detail: Int) {
        self.statusClass = statusClass
        self.subject = subject
        self.detail = detail
    }

    public var description: String { "\(statusClass).\(subject).\(detail)" }
}
