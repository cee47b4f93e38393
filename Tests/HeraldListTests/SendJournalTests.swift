import Foundation
import HeraldList
import Testing

/// The send journal on both stores: what `herald send` resumes from.
@Suite struct SendJournalTests {
    @Test(arguments: StoreBackend.available)
    func aSendQueuesTheSubscribedAndRecordsEachOutcome(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let journal = try #require(store as? any SendJournal)
            let now = Date(timeIntervalSince1970: 1_750_000_000)
            var people: [Subscriber] = []
            for index in 0..<5 {
                people.append(
                    Subscriber(
                        address: try EmailAddress("r\(index)@example.org"), status: index == 4 ? .pending : .subscribed,
                        source: .editor, createdAt: now))
            }
            let saved = try await store.save(people)
            #expect(try await journal.latestSend(ofIssue: 533) == nil)
            let send = try await journal.startSend(issue: 533, messageDomain: "example.org", now: now)
            #expect(try await journal.latestSend(ofIssue: 533) == send)
            let pending = try await journal.pendingRecipients(of: send.id)
            #expect(pending.map(\.subscriberID) == saved.prefix(4).compactMap(\.id))
            #expect(pending.map(\.address) == ["r0@example.org", "r1@example.org", "r2@example.org", "r3@example.org"])

            let ids = saved.compactMap(\.id)
            try await journal.record(
                [
                    RecipientUpdate(subscriberID: ids[0], state: .sent, attempts: 1),
                    RecipientUpdate(
                        subscriberID: ids[1], state: .failed, attempts: 1, replyCode: 550,
                        replyText: "550 5.1.1 No such mailbox here"),
                    RecipientUpdate(
                        subscriberID: ids[2], state: .deferred, attempts: 2, nextTry: now.addingTimeInterval(60),
                        replyCode: 454, replyText: "454 4.7.0 Throttling failure"),
                ], in: send.id)
            let left = try await journal.pendingRecipients(of: send.id)
            #expect(left.map(\.subscriberID) == [ids[2], ids[3]])
            #expect(left[0].attempts == 2)
            #expect(left[0].nextTry == now.addingTimeInterval(60))

            let summary = try await journal.summary(of: send.id)
            #expect(summary.count(.sent) == 1)
            #expect(summary.count(.failed) == 1)
            #expect(summary.count(.deferred) == 1)
            #expect(summary.count(.queued) == 1)
            #expect(!summary.isComplete)
            #expect(
                summary.failures == [
                    SendSummary.Failure(replyCode: 550, replyText: "550 5.1.1 No such mailbox here", count: 1)
                ])

            try await journal.finish(send.id, now: now)
            #expect(try await journal.latestSend(ofIssue: 533)?.finishedAt == now)
        }
    }

    /// A subscriber who leaves during a send is no longer given an address to send to.
    @Test(arguments: StoreBackend.available)
    func aLeaverHasNoAddressInTheJournal(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let journal = try #require(store as? any SendJournal)
            var reader = try await store.save(
                Subscriber(
                    address: try EmailAddress("leaver@example.org"), status: .subscribed, source: .editor,
                    createdAt: Date()))
            let send = try await journal.startSend(issue: 1, messageDomain: "example.org", now: Date())
            reader.status = .unsubscribed
            try await store.save(reader)
            let pending = try await journal.pendingRecipients(of: send.id)
            #expect(pending.count == 1)
            #expect(pending[0].address == nil)
        }
    }
}
