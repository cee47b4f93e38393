public import Foundation

/// One reader of the mailing list, and nothing else about them: the address, where they stand,
/// when, and how they consented.
public struct Subscriber: Sendable, Equatable {
    /// The store's row id; `nil` until the subscriber is saved. Tokens are signed over it.
    public var id: Int64?
    /// The address as the reader gave it, for display and for mail.
    public var address: EmailAddress
    public var status: SubscriberStatus
    public var source: ConsentSource
    /// When the reader signed up (Mailchimp's opt-in time for imports).
    public var createdAt: Date
    /// When the reader confirmed their subscription, if they did.
    public var confirmedAt: Date?
    /// When ``status`` last changed: for leavers, when they left.
    public var changedAt: Date

    public init(
        id: Int64? = nil, address: EmailAddress, status: SubscriberStatus, source: ConsentSource,
        createdAt: Date, confirmedAt: Date? = nil, changedAt: Date? = nil
    ) {
        self.id = id
        self.address = address
        self.status = status
        self.source = source
        self.createdAt = createdAt.roundedToSeconds
        self.confirmedAt = confirmedAt?.roundedToSeconds
        self.changedAt = (changedAt ?? confirmedAt ?? createdAt).roundedToSeconds
    }

    /// The normalised address the store looks subscribers up by.
    public var key: String { address.key }
}

extension Date {
    /// Stores keep whole seconds; rounding here makes a saved subscriber equal to the one read back.
    var roundedToSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }

    /// Whole seconds since 1970, the form both stores keep.
    var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    init(storedSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(storedSeconds)) }
}
