public import Foundation

/// Brings an import file into the list: new readers are added, status changes the file shows
/// are applied, and everything else is left as it is, so importing a file twice changes nothing.
public struct ListImporter: Sendable {
    let store: any SubscriberStore
    /// The time given to rows that carry none (plain lists).
    let now: Date

    public init(store: any SubscriberStore, now: Date = Date()) {
        self.store = store
        self.now = now
    }

    /// Imports the file at `url`, saving every change in one transaction.
    public func importFile(at url: URL) async throws(ListImportError) -> ImportReport {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ListImportError(.unreadable(path: url.path, reason: error.localizedDescription))
        }
        return try await importContents(Array(data), fileName: url.lastPathComponent)
    }

    /// Imports a file's bytes; `fileName` names it in the report and helps tell its kind.
    public func importContents(_ bytes: [UInt8], fileName: String) async throws(ListImportError) -> ImportReport {
        let contents = ImportFileReader(fileName: fileName).read(bytes)
        var known: [String: Subscriber] = [:]
        do {
            for subscriber in try await store.allSubscribers() { known[subscriber.key] = subscriber }
        } catch {
            throw ListImportError(.store(error))
        }
        var outcomes: [ImportOutcome] = []
        outcomes.reserveCapacity(contents.entries.count)
        var changed: [String: Subscriber] = [:]
        // Saved in file order, so that row ids follow the file.
        var changedKeys: [String] = []
        for entry in contents.entries {
            let (action, subscriber) = apply(entry, to: known[entry.address.key])
            outcomes.append(ImportOutcome(line: entry.line, maskedAddress: entry.address.masked, action: action))
            if let subscriber {
                known[subscriber.key] = subscriber
                if changed.updateValue(subscriber, forKey: subscriber.key) == nil { changedKeys.append(subscriber.key) }
            }
        }
        if !changed.isEmpty {
            do {
                try await store.save(changedKeys.map { changed[$0]! })
            } catch {
                throw ListImportError(.store(error))
            }
        }
        return ImportReport(file: fileName, kind: contents.kind, outcomes: outcomes, problems: contents.problems)
    }

    /// What `entry` does to the subscriber the list has (`existing`), and the subscriber to save, if any.
    private func apply(_ entry: ImportEntry, to existing: Subscriber?) -> (ImportOutcome.Action, Subscriber?) {
        guard var subscriber = existing else {
            let created = entry.optedIn ?? entry.confirmed ?? entry.left ?? now
            let confirmed = entry.status == .subscribed ? entry.confirmed ?? entry.optedIn ?? now : entry.confirmed
            let subscriber = Subscriber(
                address: entry.address, status: entry.status, source: .imported, createdAt: created,
                confirmedAt: confirmed, changedAt: entry.left ?? confirmed ?? created)
            return (.added(entry.status), subscriber)
        }
        let from = subscriber.status
        if from == entry.status { return (.unchanged(from), nil) }
        if from.hasLeft { return (.kept(from), nil) }
        subscriber.status = entry.status
        if entry.status == .subscribed {
            subscriber.confirmedAt = (entry.confirmed ?? now).roundedToSeconds
            subscriber.changedAt = subscriber.confirmedAt!
        } else {
            subscriber.changedAt = (entry.left ?? now).roundedToSeconds
        }
        return (.changed(from: from, to: entry.status), subscriber)
    }
}
