public import Foundation

/// The editor's own changes to the list: adding a reader who asked by mail, removing one who
/// asked to leave, erasing one who asked to be forgotten.
public struct ListEditor: Sendable {
    let store: any SubscriberStore
    let now: Date

    public init(store: any SubscriberStore, now: Date = Date()) {
        self.store = store
        self.now = now
    }

    /// Subscribes `address` with the editor as the source of consent.
    ///
    /// - Parameter again: whether to subscribe a reader who left; without it they stay out,
    ///   since their leaving is the newer word on their consent.
    public func add(_ address: EmailAddress, again: Bool = false) async throws(ListStoreError) -> EditOutcome {
        guard var subscriber = try await store.subscriber(withKey: address.key) else {
            let subscriber = Subscriber(
                address: address, status: .subscribed, source: .editor, createdAt: now, confirmedAt: now)
            try await store.save(subscriber)
            return .added
        }
        switch subscriber.status {
        case .subscribed:
            return .unchanged(.subscribed)
        case .unsubscribed where !again, .cleaned where !again:
            return .refused(subscriber.status, since: subscriber.changedAt)
        case .pending, .unsubscribed, .cleaned:
            let from = subscriber.status
            subscriber.status = .subscribed
            subscriber.source = .editor
            subscriber.confirmedAt = now.roundedToSeconds
            subscriber.changedAt = now.roundedToSeconds
            try await store.save(subscriber)
            return .changed(from: from, to: .subscribed)
        }
    }

    /// Unsubscribes `address`, keeping the record so that no later import adds them back.
    public func remove(_ address: EmailAddress) async throws(ListStoreError) -> EditOutcome {
        guard var subscriber = try await store.subscriber(withKey: address.key) else { return .notFound }
        if subscriber.status.hasLeft { return .unchanged(subscriber.status) }
        let from = subscriber.status
        subscriber.status = .unsubscribed
        subscriber.changedAt = now.roundedToSeconds
        try await store.save(subscriber)
        return .changed(from: from, to: .unsubscribed)
    }

    /// Erases everything stored about `address`.
    public func forget(_ address: EmailAddress) async throws(ListStoreError) -> EditOutcome {
        try await store.erase(key: address.key) ? .erased : .notFound
    }
}

/// What an editor's change did.
public enum EditOutcome: Sendable, Equatable {
    case added
    case changed(from: SubscriberStatus, to: SubscriberStatus)
    case unchanged(SubscriberStatus)
    /// Not subscribed again: the reader left (or bounced) at that time.
    case refused(SubscriberStatus, since: Date)
    case erased
    case notFound

    /// Whether the command asked for something the list could not do (exit status 1).
    public var isRefusal: Bool {
        switch self {
        case .refused, .notFound: true
        default: false
        }
    }

    /// A sentence for the editor about `address` (masked by the caller when it goes to a log).
    public func describe(_ address: String) -> String {
        switch self {
        case .added: "added \(address) as subscribed"
        case .changed(let from, let to): "changed \(address) from \(from.rawValue) to \(to.rawValue)"
        case .unchanged(let status): "\(address) is already \(status.rawValue); nothing changed"
        case .refused(let status, let since):
            "\(address) is \(status.rawValue) since \(ListExporter.timestamp(since)); "
                + "add --again to subscribe them again, only if they asked"
        case .erased: "erased \(address) and everything stored about them"
        case .notFound: "\(address) is not on the list"
        }
    }
}
