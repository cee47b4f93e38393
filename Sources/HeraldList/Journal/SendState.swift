/// Where one recipient of a send stands. Stored as a small integer so that a million rows stay small.
public enum SendState: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Not tried yet.
    case queued = 0
    /// The relay accepted the message (2xx to the end of data): never sent again.
    case sent = 1
    /// A 4xx reply or a dropped connection: tried again at `nextTry`.
    case deferred = 2
    /// A 5xx reply, or too many deferrals: never tried again.
    case failed = 3
    /// Left the list (or was erased) after the send started: not sent, and not a failure.
    case skipped = 4

    /// Whether the recipient still needs a message.
    public var isPending: Bool { self == .queued || self == .deferred }

    public var description: String {
        switch self {
        case .queued: "queued"
        case .sent: "sent"
        case .deferred: "deferred"
        case .failed: "failed"
        case .skipped: "skipped"
        }
    }
}
