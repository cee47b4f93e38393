import Foundation
import HeraldList
import Testing

/// The store contract, run on SQLite and on PostgreSQL alike.
@Suite struct SubscriberStoreTests {
    static let signUp = Date(timeIntervalSince1970: 1_700_000_000)

    static func subscriber(_ address: String, _ status: SubscriberStatus = .subscribed) throws -> Subscriber {
        Subscriber(
            address: try EmailAddress(address), status: status, source: .form, createdAt: signUp,
            confirmedAt: status == .subscribed ? signUp.addingTimeInterval(60) : nil)
    }

    @Test(arguments: StoreBackend.available)
    func savedSubscribersReadBackByKeyAndID(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let saved = try await store.save(try Self.subscriber("Ada@Example.COM"))
            let id = try #require(saved.id)
            #expect(try await store.subscriber(withKey: "Ada@example.com") == saved)
            #expect(try await store.subscriber(withID: id) == saved)
            #expect(saved.address.text == "Ada@Example.COM")
            #expect(try await store.subscriber(withKey: "ada@example.com") == nil)
            #expect(try await store.subscriber(withID: id + 1) == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func savingTheSameKeyUpdatesTheOneRow(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let first = try await store.save(try Self.subscriber("grace@example.net", .pending))
            var changed = try Self.subscriber("grace@EXAMPLE.net", .unsubscribed)
            changed.changedAt = Self.signUp.addingTimeInterval(3_600)
            let second = try await store.save(changed)
            #expect(second.id == first.id)
            let all = try await store.allSubscribers()
            #expect(all.count == 1)
            #expect(all.first?.status == .unsubscribed)
            #expect(all.first?.address.text == "grace@EXAMPLE.net")
            #expect(all.first?.changedAt == Self.signUp.addingTimeInterval(3_600))
        }
    }

    @Test(arguments: StoreBackend.available)
    func aBatchWithOneKeyTwiceKeepsTheLast(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let saved = try await store.save([
                try Self.subscriber("x@example.org", .pending), try Self.subscriber("x@Example.org", .subscribed),
            ])
            #expect(saved.map(\.id) == [saved[1].id, saved[1].id])
            #expect(try await store.allSubscribers().map(\.status) == [.subscribed])
        }
    }

    @Test(arguments: StoreBackend.available)
    func manyRowsSaveInOneCallAndKeepTheirOrder(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let subscribers = try (0..<2_500).map { try Self.subscriber("reader\($0)@example.org") }
            let saved = try await store.save(subscribers)
            #expect(Set(saved.compactMap(\.id)).count == 2_500)
            let all = try await store.allSubscribers()
            #expect(all.map(\.key) == subscribers.map(\.key))
            #expect(all == saved)
        }
    }

    @Test(arguments: StoreBackend.available)
    func erasingRemovesEverything(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            try await store.save([try Self.subscriber("ferris@example.org"), try Self.subscriber("linus@example.org")])
            #expect(try await store.erase(key: "ferris@example.org"))
            #expect(try await store.erase(key: "ferris@example.org") == false)
            #expect(try await store.allSubscribers().map(\.key) == ["linus@example.org"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func countsCoverEveryStatus(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            try await store.save([
                try Self.subscriber("a@example.org"), try Self.subscriber("b@example.org"),
                try Self.subscriber("c@example.org", .cleaned),
            ])
            #expect(
                try await store.countsByStatus() == [.pending: 0, .subscribed: 2, .unsubscribed: 0, .cleaned: 1])
        }
    }

    @Test(arguments: StoreBackend.available)
    func sqlLookingAddressesAreStoredVerbatim(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let text = "\"'); DROP TABLE subscribers; --\"@example.org"
            let saved = try await store.save(try Self.subscriber(text))
            #expect(try await store.subscriber(withKey: saved.key)?.address.text == text)
            #expect(try await store.allSubscribers().count == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func importingTwiceChangesNothingTheSecondTime(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let importer = ListImporter(store: store, now: Self.signUp)
            let first = try await importer.importFile(at: Fixture.url("subscribed_members_export_5f2a.csv"))
            let before = try await store.allSubscribers()
            let second = try await importer.importFile(at: Fixture.url("subscribed_members_export_5f2a.csv"))
            #expect(first.changes == 4)
            #expect(second.changes == 0)
            #expect(second.summary.hasSuffix("nothing changed"))
            #expect(second.outcomes.allSatisfy { if case .unchanged(.subscribed) = $0.action { true } else { false } })
            #expect(try await store.allSubscribers() == before)
        }
    }

    @Test(arguments: StoreBackend.available)
    func editorChangesFollowConsent(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let editor = ListEditor(store: store, now: Self.signUp)
            let address = try EmailAddress("reader@example.org")
            #expect(try await editor.add(address) == .added)
            #expect(try await editor.add(address) == .unchanged(.subscribed))
            #expect(try await editor.remove(address) == .changed(from: .subscribed, to: .unsubscribed))
            #expect(try await editor.remove(address) == .unchanged(.unsubscribed))
            #expect(try await editor.add(address) == .refused(.unsubscribed, since: Self.signUp))
            #expect(try await editor.add(address, again: true) == .changed(from: .unsubscribed, to: .subscribed))
            #expect(try await store.subscriber(withKey: address.key)?.source == .editor)
            #expect(try await editor.forget(address) == .erased)
            #expect(try await editor.forget(address) == .notFound)
            #expect(try await editor.remove(address) == .notFound)
            #expect(try await store.allSubscribers().isEmpty)
        }
    }
}

/// The hand-written export files in `Fixtures/`, shaped like Mailchimp's, with made-up addresses.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
