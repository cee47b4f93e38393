public import Foundation

/// Where the list's subscribers are kept: a SQLite file or a PostgreSQL database, chosen by
/// `[list] database`, behind the same operations so that every verb works on either.
public protocol SubscriberStore: Sendable {
    /// The subscriber whose normalised address is `key` (``EmailAddress/key``).
    func subscriber(withKey key: String) async throws(ListStoreError) -> Subscriber?
    /// The subscriber with the row id `id`, the id confirmation and unsubscribe tokens carry.
    func subscriber(withID id: Int64) async throws(ListStoreError) -> Subscriber?
    /// Every subscriber, oldest row first.
    func allSubscribers() async throws(ListStoreError) -> [Subscriber]
    /// Inserts the new subscribers and replaces the stored ones with the same key, all or none.
    ///
    /// - Returns: the subscribers as saved, with their ids, in the order given.
    @discardableResult
    func save(_ subscribers: [Subscriber]) async throws(ListStoreError) -> [Subscriber]
    /// Erases the subscriber with `key` and everything stored about them (a GDPR erasure).
    ///
    /// - Returns: whether there was such a subscriber.
    func erase(key: String) async throws(ListStoreError) -> Bool
    /// How many subscribers have each status; statuses nobody has count 0.
    func countsByStatus() async throws(ListStoreError) -> [SubscriberStatus: Int]
    /// Records a sign-up from the form in one transaction: stores a new address as pending and
    /// queues a confirmation mail unless one was queued for it less than `mailInterval` ago or
    /// the reader is subscribed already. Concurrent sign-ups of one address make one row and
    /// at most one mail.
    func recordSignUp(_ address: EmailAddress, now: Date, mailInterval: TimeInterval) async throws(ListStoreError)
        -> SignUpRecord
    /// Claims up to `limit` queued mails that are due at `now`, oldest first, and hides them from
    /// other claims for `lease` seconds: a sender that dies leaves them to be claimed again.
    func claimQueuedMails(now: Date, limit: Int, lease: TimeInterval) async throws(ListStoreError) -> [QueuedMail]
    /// Removes a mail from the queue once the relay took it (or refused it for good).
    func removeQueuedMail(id: Int64) async throws(ListStoreError)
    /// How many mails wait in the queue.
    func queuedMailCount() async throws(ListStoreError) -> Int
    /// Ends the connection or closes the file; the store is not used afterwards.
    func close() async
}

extension SubscriberStore {
    /// Saves one subscriber and returns it with its id.
    @discardableResult
    public func save(_ subscriber: Subscriber) async throws(ListStoreError) -> Subscriber {
        try await save([subscriber])[0]
    }
}
