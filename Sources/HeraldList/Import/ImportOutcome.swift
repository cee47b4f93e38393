/// What an import did with one row.
public struct ImportOutcome: Sendable, Equatable, CustomStringConvertible {
    public enum Action: Sendable, Equatable {
        /// A new subscriber with this status.
        case added(SubscriberStatus)
        /// An existing subscriber moved between statuses (a pending one confirmed, a subscriber left).
        case changed(from: SubscriberStatus, to: SubscriberStatus)
        /// The list already says what the row says.
        case unchanged(SubscriberStatus)
        /// The row would subscribe someone who left the list: consent withdrawn is not
        /// restored by an import, so the subscriber keeps this status.
        case kept(SubscriberStatus)
    }

    public let line: Int
    /// The address with its local part masked.
    public let maskedAddress: String
    public let action: Action

    public var description: String {
        switch action {
        case .added(let status): "added \(maskedAddress) as \(status.rawValue)"
        case .changed(let from, let to): "changed \(maskedAddress) from \(from.rawValue) to \(to.rawValue)"
        case .unchanged(let status): "unchanged \(maskedAddress), already \(status.rawValue)"
        case .kept(let status): "kept \(maskedAddress) \(status.rawValue): an import does not subscribe leavers again"
        }
    }

    /// Whether the row changed the list.
    public var isChange: Bool {
        switch action {
        case .added, .changed: true
        case .unchanged, .kept: false
        }
    }
}
