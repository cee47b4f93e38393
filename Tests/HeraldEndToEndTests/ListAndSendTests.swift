import Foundation
import HeraldTestSupport
import Testing

/// `herald list` and `herald send` on the example weekly: the editors add readers, count them, and
/// send issue 44 to them through a relay on 127.0.0.1.
@Suite struct ListAndSendTests {
    static let secret = String(repeating: "s3cret-for-tests-", count: 3)

    /// A copy of the example weekly whose list is a SQLite file beside it (outside any git work
    /// tree) and whose `[send]` relay is `relay`.
    static func weekly(relay: String = "smtp://127.0.0.1:9") throws -> Newsletter {
        let weekly = try Newsletter.exampleWeekly()
        let configuration = try weekly.read("herald.toml")
        try weekly.write(
            configuration + """

                [email]
                from = "This Week in Quill <news@quill.example>"

                [list]
                database = "\(weekly.beside("list.sqlite").path)"
                url = "https://list.quill.example"

                [send]
                smtp = "\(relay)"
                timeout = 5

                """, to: "herald.toml")
        return weekly
    }

    static func herald(_ arguments: [String], in weekly: Newsletter) throws -> ProcessRun {
        try HeraldBinary.run(
            arguments + ["--folder", weekly.folder.path], environment: ["HERALD_LIST_SECRET": secret])
    }

    @Test func theListKeepsTheReadersTheEditorsAdd() throws {
        let weekly = try Self.weekly()
        let add = try Self.herald(["list", "add", "Reader@Example.org"], in: weekly)
        #expect(add.status == 0, "\(add.standardError)")
        #expect(add.standardOutput == "added R***@Example.org as subscribed\n")
        #expect(try Self.herald(["list", "add", "second@example.org"], in: weekly).status == 0)
        #expect(try Self.herald(["list", "remove", "second@example.org"], in: weekly).status == 0)

        let stats = try Self.herald(["list", "stats"], in: weekly)
        #expect(stats.status == 0, "\(stats.standardError)")
        #expect(stats.standardOutput.hasPrefix("pending      0\nsubscribed   1\nunsubscribed 1\ncleaned      0\n"))
        let export = try Self.herald(["list", "export", "--format", "json"], in: weekly)
        let rows = try #require(try JSONSerialization.jsonObject(with: export.standardOutputData) as? [[String: Any]])
        #expect(rows.map { $0["address"] as? String } == ["Reader@Example.org", "second@example.org"])
        #expect(rows.map { $0["status"] as? String } == ["subscribed", "unsubscribed"])
        // Written to a file, the addresses are readable by their owner only.
        let file = weekly.folder.appendingPathComponent("subscribers.json")
        let saved = try Self.herald(["list", "export", "--format", "json", "--out", file.path], in: weekly)
        #expect(saved.status == 0, "\(saved.standardError)")
        #expect(try Data(contentsOf: file) == export.standardOutputData)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test(.enabled(if: SMTPTestServer.isAvailable || SharedFolder.isCI, "python3 with aiosmtpd is not installed"))
    func sendMailsTheIssueToEverySubscriberOnce() async throws {
        try await SMTPTestServer.with { relay in
            let weekly = try Self.weekly(relay: "smtp://127.0.0.1:\(relay.port)")
            for address in ["reader@example.org", "second@example.org", "gone@example.org"] {
                #expect(try Self.herald(["list", "add", address], in: weekly).status == 0)
            }
            #expect(try Self.herald(["list", "remove", "gone@example.org"], in: weekly).status == 0)

            let send = try Self.herald(["send", "44"], in: weekly)
            #expect(send.status == 0, "\(send.standardError)")
            let received = try relay.received()
            #expect(received.flatMap(\.to).sorted() == ["reader@example.org", "second@example.org"])
            for message in received {
                #expect(message.from == "news@quill.example")
                #expect(message.text.contains("\r\nSubject: This Week in Quill 44\r\n"))
                #expect(message.text.contains("\r\nTo: \(message.to[0])\r\n"))
                #expect(message.text.contains("List-Unsubscribe: <https://list.quill.example/unsubscribe?token="))
            }

            let again = try Self.herald(["send", "44"], in: weekly)
            #expect(again.status == 2, "a sent issue is not sent twice by accident")
            #expect(again.standardError.contains("--again"))
            #expect(try relay.received().count == 2)
        }
    }
}
