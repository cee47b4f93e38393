public import Foundation

/// Where bounces are counted, beside the subscribers: hard bounces up to a limit mark an address
/// cleaned, so no later send mails it; soft ones are only counted.
public protocol BounceLedger: Sendable {
    /// Counts `reports` (a notification read before counts nothing), cleaning subscribed addresses
    /// whose hard bounces reach `hardLimit`.
    func record(_ reports: [BounceReport], hardLimit: Int, now: Date) async throws(ListStoreError) -> BounceOutcome
    /// How many subscribers have hard and soft bounces on record.
    func bounceCounts() async throws(ListStoreError) -> BounceCounts
}

/// What reading a mailbox of notifications changed.
public struct BounceOutcome: Sendable, Equatable {
    public var hard = 0
    public var soft = 0
    /// Addresses marked cleaned by this reading.
    public var cleaned = 0
    /// Reports about addresses not on the list.
    public var unknown = 0
    /// Reports from notifications read before.
    public var repeated = 0

    public init() {}
}

/// Subscribers with bounces on record, for `herald list stats`.
public struct BounceCounts: Sendable, Equatable {
    public var withHardBounces: Int
    public var withSoftBounces: Int

    public init(withHardBounces: Int, withSoftBounces: Int) {
        self.withHardBounces = withHardBounces
        self.withSoftBounces = withSoftBounces
    }
}

extension BounceReport {
    /// The key a notification is remembered by: its Message-ID and the recipient, or `nil`
    /// when it has no Message-ID (then it is counted each time it is read).
    var rememberedKey: String? { notificationID.map { "\($0) \(recipient.lowercased())" } }

    /// The list's lookup key for the recipient, or `nil` when it is not an address the list takes.
    var subscriberKey: String? { try? EmailAddress(recipient).key }
}
