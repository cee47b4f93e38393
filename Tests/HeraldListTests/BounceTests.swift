import Foundation
import HeraldList
import HeraldTestSupport
import Testing

/// RFC 3464 notifications read from mbox and Maildir, counted on both stores.
@Suite struct BounceTests {
    static func notification(id: String, recipient: String, action: String, status: String) -> String {
        """
        From: Mail Delivery System <MAILER-DAEMON@relay.example>
        To: bounces@quill.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <\(id)@relay.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
         boundary="B0UND"

        --B0UND
        Content-Type: text/plain

        >From a line escaped as mbox writers escape it.

        --B0UND
        Content-Type: message/delivery-status

        Reporting-MTA: dns; relay.example

        Final-Recipient: rfc822; \(recipient)
        Action: \(action)
        Status: \(status)
        Diagnostic-Code: smtp; 550 5.1.1 No such user

        --B0UND--

        """
    }

    @Test func aNotificationYieldsOneReportPerRecipient() {
        let text = Self.notification(id: "a1", recipient: "Reader@Example.org", action: "failed", status: "5.1.1")
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let reports = DeliveryStatusParser.reports(in: Array(crlf.utf8))
        #expect(
            reports == [
                BounceReport(
                    recipient: "Reader@Example.org", kind: .hard, status: "5.1.1", notificationID: "<a1@relay.example>")
            ])
        let delayed = Self.notification(id: "a2", recipient: "r@example.org", action: "delayed", status: "4.2.2")
        #expect(DeliveryStatusParser.reports(in: Array(delayed.utf8)).map(\.kind) == [.soft])
        #expect(DeliveryStatusParser.reports(in: Array("Subject: hello\n\nnot a bounce".utf8)).isEmpty)
        #expect(DeliveryStatusParser.reports(in: Array([0xFF, 0x00, 0x0A, 0x0A])).isEmpty)
    }

    @Test func mboxAndMaildirAreRead() throws {
        let one = Self.notification(id: "m1", recipient: "a@example.org", action: "failed", status: "5.1.1")
        let two = Self.notification(id: "m2", recipient: "b@example.org", action: "failed", status: "5.1.1")
        let separator = "From MAILER-DAEMON Wed Mar  5 12:00:00 2025\n"
        let mbox = separator + one + "\n" + separator + two
        let folder = try Newsletter(files: ["bounces.mbox": mbox, "maildir/new/1.eml": one])
        let fromMbox = try MailboxReader.messages(at: folder.url("bounces.mbox").path)
        #expect(
            fromMbox.flatMap(DeliveryStatusParser.reports(in:)).map(\.recipient) == ["a@example.org", "b@example.org"])
        let fromMaildir = try MailboxReader.messages(at: folder.url("maildir").path)
        #expect(fromMaildir.flatMap(DeliveryStatusParser.reports(in:)).map(\.recipient) == ["a@example.org"])
        #expect(throws: BounceFileError.self) {
            try MailboxReader.messages(at: folder.url("none").path)
        }
    }

    @Test(arguments: StoreBackend.available)
    func hardBouncesCleanAtTheLimitAndNothingCountsTwice(_ backend: StoreBackend) async throws {
        try await TestStores.with(backend) { store in
            let ledger = try #require(store as? any BounceLedger)
            try await store.save(
                Subscriber(
                    address: try EmailAddress("dead@example.org"), status: .subscribed, source: .editor,
                    createdAt: Date()))
            func report(_ id: String, _ kind: BounceReport.Kind) -> BounceReport {
                BounceReport(recipient: "dead@Example.ORG", kind: kind, status: nil, notificationID: id)
            }
            var outcome = try await ledger.record([report("1", .hard), report("2", .soft)], hardLimit: 2, now: Date())
            #expect(outcome.hard == 1 && outcome.soft == 1 && outcome.cleaned == 0)
            #expect(try await store.subscriber(withKey: "dead@example.org")?.status == .subscribed)
            outcome = try await ledger.record(
                [
                    report("1", .hard), report("3", .hard),
                    BounceReport(recipient: "stranger@example.org", kind: .hard, status: nil, notificationID: "4"),
                ],
                hardLimit: 2, now: Date())
            #expect(outcome.repeated == 1 && outcome.hard == 1 && outcome.cleaned == 1 && outcome.unknown == 1)
            #expect(try await store.subscriber(withKey: "dead@example.org")?.status == .cleaned)
            #expect(try await ledger.bounceCounts() == BounceCounts(withHardBounces: 1, withSoftBounces: 1))
        }
    }
}
