/// What became of one message: for each recipient, the reply that decided its fate.
///
/// A recipient refused at RCPT TO keeps that reply; the others share the reply to the end of data
/// (or to MAIL FROM or DATA when the transaction stopped there). A bulk sender journals these:
/// delivered, deferred (4xx, try again) or failed (5xx, never).
public struct SMTPDelivery: Sendable {
    public struct Outcome: Hashable, Sendable {
        public let recipient: String
        /// The command whose reply decided.
        public let command: SMTPCommand
        public let reply: SMTPReply

        /// True only when the server took the message for this recipient.
        public var isDelivered: Bool { command == .endOfData && reply.isSuccess }
        /// True for a 4xx: the same message may be accepted later.
        public var isDeferred: Bool { !isDelivered && reply.category == .transient }
        /// True for a 5xx (or a reply that makes no sense here): retrying will not help.
        public var isFailed: Bool { !isDelivered && !isDeferred }
    }

    public let outcomes: [Outcome]

    init(_ outcomes: [Outcome]) { self.outcomes = outcomes }

    public var delivered: [Outcome] { outcomes.filter(\.isDelivered) }
    public var deferred: [Outcome] { outcomes.filter(\.isDeferred) }
    public var failed: [Outcome] { outcomes.filter(\.isFailed) }
}
