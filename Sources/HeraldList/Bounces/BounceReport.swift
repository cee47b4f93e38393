/// What a delivery status notification (RFC 3464) says about one recipient.
public struct BounceReport: Sendable, Equatable {
    /// Whether the address is dead (a permanent failure) or had a passing problem.
    public enum Kind: Sendable, Equatable {
        /// `Action: failed` with a 5.x.x status: the mailbox does not exist, the domain is gone.
        case hard
        /// `Action: delayed`, or a 4.x.x status: a full mailbox, a server down for now.
        case soft
    }

    /// The address the notification is about (`Final-Recipient`, else `Original-Recipient`).
    public let recipient: String
    public let kind: Kind
    /// The RFC 3463 status (`5.1.1`), when given.
    public let status: String?
    /// The notification's `Message-ID`, so a notification read twice counts once.
    public let notificationID: String?

    public init(recipient: String, kind: Kind, status: String?, notificationID: String?) {
        self.recipient = recipient
        self.kind = kind
        self.status = status
        self.notificationID = notificationID
    }
}
