public import Foundation

/// The list's side of the sign-up service, without HTTP: taking a sign-up, confirming it from
/// the mailed link, and leaving by one click. Every answer is decided here, so the service and
/// its tests agree on what a token may change.
public struct SignUpDesk: Sendable {
    public let store: any SubscriberStore
    public let signer: ListTokenSigner
    /// How long after one confirmation mail another may be queued for the same address: a day,
    /// so that the form cannot be used to flood someone's inbox.
    public var mailInterval: TimeInterval = 86_400

    public init(store: any SubscriberStore, signer: ListTokenSigner) {
        self.store = store
        self.signer = signer
    }

    /// Records a sign-up of `address` from the form.
    public func signUp(_ address: EmailAddress, now: Date = Date()) async throws(ListStoreError) -> SignUpRecord {
        try await store.recordSignUp(address, now: now, mailInterval: mailInterval)
    }

    /// Confirms the sign-up the link's `token` was mailed for.
    public func confirm(token: String, now: Date = Date()) async throws(SignUpDeskError) -> ConfirmOutcome {
        let (id, issued) = try verify(token, .confirm, now: now)
        guard var subscriber = try await lookUp(id) else { throw SignUpDeskError.unknownSubscriber }
        switch subscriber.status {
        case .subscribed:
            return .alreadySubscribed
        case .unsubscribed where subscriber.changedAt >= issued, .cleaned where subscriber.changedAt >= issued:
            // The link was mailed before the reader left (or in the same second: stores keep whole
            // seconds); leaving is the newer word.
            return .leftSinceMailed
        case .pending, .unsubscribed, .cleaned:
            subscriber.status = .subscribed
            subscriber.source = .form
            subscriber.confirmedAt = now.roundedToSeconds
            subscriber.changedAt = now.roundedToSeconds
            try await save(subscriber)
            return .subscribed(subscriber.address)
        }
    }

    /// The subscriber an unsubscribe `token` belongs to, for the one-button page.
    public func subscriber(forUnsubscribe token: String, now: Date = Date()) async throws(SignUpDeskError)
        -> Subscriber
    {
        let (id, _) = try verify(token, .unsubscribe, now: now)
        guard let subscriber = try await lookUp(id) else { throw SignUpDeskError.unknownSubscriber }
        return subscriber
    }

    /// Unsubscribes the reader `token` was made for; doing it twice changes nothing more.
    public func unsubscribe(token: String, now: Date = Date()) async throws(SignUpDeskError) -> UnsubscribeOutcome {
        var subscriber = try await subscriber(forUnsubscribe: token, now: now)
        if subscriber.status.hasLeft { return .alreadyLeft(subscriber.address) }
        subscriber.status = .unsubscribed
        subscriber.changedAt = now.roundedToSeconds
        try await save(subscriber)
        return .unsubscribed(subscriber.address)
    }

    private func verify(_ token: String, _ purpose: ListTokenSigner.Purpose, now: Date) throws(SignUpDeskError)
        -> (Int64, Date)
    {
        do {
            return try signer.verify(token, for: purpose, now: now)
        } catch {
            throw SignUpDeskError.token(error)
        }
    }

    private func lookUp(_ id: Int64) async throws(SignUpDeskError) -> Subscriber? {
        do {
            return try await store.subscriber(withID: id)
        } catch {
            throw SignUpDeskError.store(error)
        }
    }

    private func save(_ subscriber: Subscriber) async throws(SignUpDeskError) {
        do {
            try await store.save(subscriber)
        } catch {
            throw SignUpDeskError.store(error)
        }
    }
}

/// What a confirmation link did.
public enum ConfirmOutcome: Sendable, Equatable {
    case subscribed(EmailAddress)
    case alreadySubscribed
    /// The reader left after this link was mailed: they stay out.
    case leftSinceMailed
}

/// What the one-click unsubscribe did.
public enum UnsubscribeOutcome: Sendable, Equatable {
    case unsubscribed(EmailAddress)
    case alreadyLeft(EmailAddress)
}

/// Why a link changed nothing.
public enum SignUpDeskError: Error, Sendable, CustomStringConvertible {
    /// Malformed, forged, for another purpose or expired.
    case token(ListTokenError)
    /// A genuine token for a subscriber who was erased since.
    case unknownSubscriber
    case store(ListStoreError)

    public var description: String {
        switch self {
        case .token(let error): error.description
        case .unknownSubscriber: "the address this link was made for is no longer on the list"
        case .store(let error): error.description
        }
    }
}
