import Foundation
import Testing

@testable import HeraldList

@Suite struct ImportTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    func withStore(_ body: (any SubscriberStore) async throws -> Void) async throws {
        try await TestStores.with(.sqlite, body)
    }

    @Test func theSubscribedExportAddsEveryGoodRowAndNamesTheBadOnes() async throws {
        try await withStore { store in
            let report = try await ListImporter(store: store, now: Self.now).importFile(
                at: Fixture.url("subscribed_members_export_5f2a.csv"))
            #expect(report.kind == .mailchimp(.subscribed))
            #expect(report.outcomes.map(\.line) == [2, 3, 5, 8])
            #expect(report.outcomes.map(\.description).first == "added f***@example.org as subscribed")
            #expect(
                report.problems.map(\.file) == [
                    "subscribed_members_export_5f2a.csv", "subscribed_members_export_5f2a.csv",
                ])
            #expect(report.problems.map(\.line) == [6, 7])
            #expect(report.problems[0].description.contains("n***: the address has no '@'"))
            #expect(report.problems[1].message.contains("'2021-13-01 10:00:00' is not a time"))
            let ada = try #require(try await store.subscriber(withKey: "ada@example.com"))
            #expect(ada.address.text == "ada@Example.COM")
            #expect(ada.source == .imported)
            #expect(ada.createdAt == MailchimpTimeTests.date("2020-01-15 08:30:00"))
            #expect(ada.confirmedAt == MailchimpTimeTests.date("2020-01-15 08:31:10"))
            #expect(try await store.subscriber(withKey: "jürgen@xn--bcher-kva.example") != nil)
            // Rows are saved in file order.
            #expect(
                try await store.allSubscribers().map(\.address.masked) == [
                    "f***@example.org", "a***@Example.COM", "j***@bücher.example", "l***@example.org",
                ])
        }
    }

    @Test func leaversAndCleanedAddressesFollowTheirFiles() async throws {
        try await withStore { store in
            let importer = ListImporter(store: store, now: Self.now)
            _ = try await importer.importFile(at: Fixture.url("subscribed_members_export_5f2a.csv"))
            let unsubscribed = try await importer.importFile(at: Fixture.url("unsubscribed_members_export_5f2a.csv"))
            #expect(unsubscribed.kind == .mailchimp(.unsubscribed))
            #expect(
                unsubscribed.outcomes.map(\.action) == [
                    .changed(from: .subscribed, to: .unsubscribed), .added(.unsubscribed),
                ])
            let linus = try #require(try await store.subscriber(withKey: "linus@example.org"))
            #expect(linus.changedAt == MailchimpTimeTests.date("2023-05-10 07:00:00"))
            let cleaned = try await importer.importFile(at: Fixture.url("cleaned_members_export_5f2a.csv"))
            #expect(cleaned.kind == .mailchimp(.cleaned))
            #expect(cleaned.outcomes.map(\.action) == [.added(.cleaned)])
            // The subscribed export again: the leaver stays out, nothing changes.
            let again = try await importer.importFile(at: Fixture.url("subscribed_members_export_5f2a.csv"))
            #expect(again.changes == 0)
            #expect(again.outcomes.last?.action == .kept(.unsubscribed))
            #expect(
                try await store.countsByStatus() == [.pending: 0, .subscribed: 3, .unsubscribed: 2, .cleaned: 1])
        }
    }

    @Test func aPlainListSubscribesEachAddressOnce() async throws {
        try await withStore { store in
            let report = try await ListImporter(store: store, now: Self.now).importFile(at: Fixture.url("meetup.txt"))
            #expect(report.kind == .plainList)
            #expect(report.outcomes.map(\.line) == [2, 4, 6])
            #expect(
                report.outcomes.map(\.action) == [.added(.subscribed), .added(.subscribed), .unchanged(.subscribed)])
            #expect(report.problems.map(\.description) == ["meetup.txt:5: n***: the address has no '@'"])
            let bob = try #require(try await store.subscriber(withKey: "bob@example.org"))
            #expect(bob.createdAt == Self.now)
            #expect(bob.confirmedAt == Self.now)
        }
    }

    @Test func theKindComesFromTheColumnsBeforeTheName() {
        let base = ["Email Address", "OPTIN_TIME"]
        #expect(ImportFileKind.mailchimp(header: base, fileName: "x.csv") == .mailchimp(.subscribed))
        #expect(ImportFileKind.mailchimp(header: base + ["UNSUB_TIME"], fileName: "x.csv") == .mailchimp(.unsubscribed))
        #expect(
            ImportFileKind.mailchimp(header: base + ["CLEAN_TIME"], fileName: "subscribed.csv") == .mailchimp(.cleaned))
        #expect(
            ImportFileKind.mailchimp(header: base, fileName: "cleaned_members_export_1.csv") == .mailchimp(.cleaned))
        #expect(ImportFileKind.mailchimp(header: ["email"], fileName: "x.csv") == nil)
    }

    @Test func aRowMissingItsAddressFieldIsSkipped() async throws {
        try await withStore { store in
            let text = "OPTIN_TIME,Email Address\n2020-01-01 00:00:00\n2020-01-01 00:00:00,ok@example.org\n"
            let report = try await ListImporter(store: store).importContents(Array(text.utf8), fileName: "short.csv")
            #expect(report.problems.map(\.description) == ["short.csv:2: the row has 1 fields and no 'Email Address'"])
            #expect(report.outcomes.map(\.line) == [3])
        }
    }

    @Test func controlCharactersInABadRowAreNotEchoed() async throws {
        try await withStore { store in
            let text =
                "Email Address,OPTIN_TIME\n\u{1B}[2Jx@example.org,\ny@example.org,\"\u{1B}]0;owned\u{07}\"\nok@example.org,\n"
            let report = try await ListImporter(store: store).importContents(Array(text.utf8), fileName: "evil.csv")
            #expect(report.problems.map(\.line) == [2, 3])
            #expect(report.problems.allSatisfy { !$0.description.unicodeScalars.contains { $0.value < 0x20 } })
            #expect(report.problems[1].message == "']0;owned' is not a time like 2021-05-03 14:22:10")
            #expect(report.outcomes.map(\.line) == [4])
        }
    }

    @Test func anUnreadableFileIsAnError() async throws {
        try await withStore { store in
            await #expect(throws: ListImportError.self) {
                try await ListImporter(store: store).importFile(at: Fixture.url("no-such-file.csv"))
            }
        }
    }
}

@Suite struct MailchimpTimeTests {
    static func date(_ text: String) -> Date? { try? MailchimpTime.parse(text) }

    @Test func timesAreReadAsUTC() throws {
        #expect(try MailchimpTime.parse("1970-01-01 00:00:00") == Date(timeIntervalSince1970: 0))
        #expect(try MailchimpTime.parse("2024-02-29 23:59:59") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(try MailchimpTime.parse("") == nil)
    }

    @Test(arguments: ["2023-02-29 00:00:00", "2024-01-01", "2024-01-01 24:00:00", "99999999999999999999", "x"])
    func malformedTimesAreRefused(_ text: String) {
        #expect(throws: ImportRowProblem.self) { try MailchimpTime.parse(text) }
    }
}
