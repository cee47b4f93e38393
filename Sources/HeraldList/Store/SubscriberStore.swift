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
