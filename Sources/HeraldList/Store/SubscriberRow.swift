import Foundation

/// A subscriber as both stores read it from a row: plain values, turned into the model here so
/// that a row changed by hand is reported, not trusted.
struct SubscriberRow {
    var id: Int64
    var address: String
    var status: String
    var source: String
    var createdAt: Int64
    var confirmedAt: Int64?
    var changedAt: Int64

    func subscriber() throws(ListStoreError) -> Subscriber {
        let parsed: EmailAddress
        do {
            parsed = try EmailAddress(address)
        } catch {
            throw ListStoreError(.corruptRow("row \(id) has an invalid address (\(error))"))
        }
        guard let status = SubscriberStatus(rawValue: status) else {
            throw ListStoreError(.corruptRow("row \(id) has the unknown status '\(status)'"))
        }
        guard let source = ConsentSource(rawValue: source) else {
            throw ListStoreError(.corruptRow("row \(id) has the unknown consent source '\(source)'"))
        }
        return Subscriber(
            id: id, address: parsed, status: status, source: source, createdAt: Date(storedSeconds: createdAt),
            confirmedAt: confirmedAt.map(Date.init(storedSeconds:)), changedAt: Date(storedSeconds: changedAt))
    }
}
