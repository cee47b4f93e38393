import Foundation
import HeraldList
import HeraldTestSupport
import Testing

/// `herald send` run as a user runs it, against aiosmtpd relays that misbehave on purpose.
@Suite(.serialized, .enabled(if: SendTestServer.isAvailable, "python3 with aiosmtpd is not installed"))
struct SendCommandTests {
    /// Every subscriber gets one message with their own headers and links, though the relay answers
    /// 454 to every third message, drops each connection after four and refuses one address.
    @Test func everySubscriberGetsOnePersonalMessageDespiteAMisbehavingRelay() async throws {
        let server = try SendTestServer([
            "--defer-every", "3", "--drop-after", "4", "--reject-recipient", "reader7@example.org",
        ])
        defer { server.stop() }
        let fixture = try await SendFixture(subscriberCount: 24, relay: server.url)

        let run = try fixture.herald(["send", "41", "--connections", "3", "--format", "json"])
        #expect(run.status == 1, "one address was refused: \(run.standardError)")
        let summary = try #require(run.standardOutput.split(separator: "\n").last)
        #expect(summary.contains(#""sent":23"#))
        #expect(summary.contains(#""failed":1"#))
        #expect(summary.contains("550 5.1.1 No such mailbox here"))

        let messages = try server.messages()
        let recipients = messages.flatMap(\.envelope)
        #expect(recipients.count == 23)
        #expect(Set(recipients).count == 23)
        #expect(!recipients.contains("reader7@example.org"))
        #expect(!recipients.contains("gone@example.org"))
        let signer = ListTokenSigner(secret: try ListSecret(SendFixture.secret))
        var messageIDs = Set<String>()
        for message in messages {
            let address = try #require(message.envelope.first)
            #expect(message.to == address)
            #expect(message.defects == 0)
            #expect(message.subject == "This Week in Quill 41")
            #expect(message.listUnsubscribePost == "List-Unsubscribe=One-Click")
            let link = String(message.listUnsubscribe.dropFirst().dropLast())
            #expect(message.listUnsubscribe == "<\(link)>")
            #expect(message.htmlLinks == [link])
            #expect(message.textLinks == [link])
            let token = try #require(link.components(separatedBy: "token=").last)
            #expect(link.hasPrefix("https://list.quill.example/unsubscribe?token="))
            #expect(try signer.subscriberID(from: token, for: .unsubscribe) == fixture.subscribers[address])
            messageIDs.insert(message.messageID)
        }
        #expect(messageIDs.count == 23)

        // The issue is sent: a second send is refused, and --resume has nothing to resume.
        let second = try fixture.herald(["send", "41"])
        #expect(second.status == 2)
        #expect(second.standardError.contains("--again"))
        #expect(try fixture.herald(["send", "41", "--resume"]).status == 2)
    }

    /// `kill -9` in the middle of a send, then `--resume`: everyone gets the message, and only
    /// messages in flight at the kill can arrive twice.
    @Test func resumeAfterKillSendsToTheRestOnly() async throws {
        let server = try SendTestServer()
        defer { server.stop() }
        let fixture = try await SendFixture(subscriberCount: 120, relay: server.url)

        let process = Process()
        process.executableURL = try HeraldBinary.locatedExecutable()
        process.arguments = ["send", "41", "--rate", "40", "--connections", "2", "--folder", fixture.folder.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["HERALD_LIST_SECRET": SendFixture.secret]) {
            $1
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var delivered = 0
        for _ in 0..<200 {
            try await Task.sleep(for: .milliseconds(50))
            delivered = try server.messageCount()
            if delivered >= 40 { break }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let beforeResume = try server.messageCount()
        #expect(beforeResume > 0 && beforeResume < 120)

        let refused = try fixture.herald(["send", "41"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--resume"))
        let resumed = try fixture.herald(["send", "41", "--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")

        let recipients = try server.messages().flatMap(\.envelope)
        #expect(Set(recipients) == Set(fixture.subscribers.keys))
        let repeats = recipients.count - Set(recipients).count
        // In flight at the kill: one message per connection, plus the journal's one open transaction.
        #expect(repeats <= 4, "\(repeats) recipients got the message twice")
    }

    @Test func dryRunPrintsThePlanAndFirstMessageAndSendsNothing() async throws {
        let server = try SendTestServer()
        defer { server.stop() }
        let fixture = try await SendFixture(subscriberCount: 3, relay: server.url)
        let run = try fixture.herald(["send", "41", "--dry-run"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("recipients: 3"))
        #expect(run.standardOutput.contains("To: reader0@example.org"))
        #expect(run.standardOutput.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        #expect(try server.messageCount() == 0)
        // Nothing was journaled: a real send still runs.
        #expect(try fixture.herald(["send", "41"]).status == 0)
        #expect(try server.messageCount() == 3)
    }

    @Test func unreachableRelayExitsThreeAndTheSendResumesLater() async throws {
        let server = try SendTestServer()
        defer { server.stop() }
        let fixture = try await SendFixture(subscriberCount: 5, relay: "smtp://127.0.0.1:9")
        let run = try fixture.herald(["send", "41", "--connections", "1"])
        #expect(run.status == 3, "\(run.standardError)")
        #expect(run.standardError.contains("--resume"))
    }

    @Test func testToSendsOneMessageOutsideTheJournal() async throws {
        let server = try SendTestServer()
        defer { server.stop() }
        let fixture = try await SendFixture(subscriberCount: 2, relay: server.url)
        let run = try fixture.herald(["send", "41", "--test-to", "editor@quill.example"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try server.messages().map(\.envelope) == [["editor@quill.example"]])
        #expect(try fixture.herald(["send", "41"]).status == 0)
        #expect(try server.messageCount() == 3)
    }

    /// With `[send] dkim_key`, every message as received verifies with dkimpy.
    @Test(.enabled(if: DKIMPy.isAvailable, "dkimpy is not installed"))
    func messagesSignedWithTheConfiguredKeyVerify() async throws {
        let server = try SendTestServer()
        defer { server.stop() }
        let fixture = try await SendFixture(
            subscriberCount: 3, relay: server.url, send: "dkim_key = \"dkim.pem\"\ndkim_selector = \"s1\"")
        let key = fixture.folder.appendingPathComponent("dkim.pem").path
        #expect(try TestProcess.run(program: "openssl", ["genpkey", "-algorithm", "ed25519", "-out", key]).status == 0)
        let run = try fixture.herald(["send", "41"])
        #expect(run.status == 0, "\(run.standardError)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Helpers/verify_dkim.py")
        let files = try FileManager.default.contentsOfDirectory(atPath: server.mailFolder.path)
            .filter { $0.hasSuffix(".eml") }
        #expect(files.count == 3)
        for file in files {
            let message = server.mailFolder.appendingPathComponent(file).path
            let verified = try TestProcess.run(program: "python3", [script.path, message, key])
            #expect(verified.standardOutput == "valid\n", "\(file): \(verified.standardError)")
        }
    }

    @Test func missingListURLIsAConfigurationError() async throws {
        let fixture = try await SendFixture(subscriberCount: 1, relay: "smtp://127.0.0.1:9")
        let toml = fixture.folder.appendingPathComponent("herald.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        try text.replacingOccurrences(of: "url = \"https://list.quill.example\"\n", with: "")
            .write(to: toml, atomically: true, encoding: .utf8)
        let run = try fixture.herald(["send", "41"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("[list] url"))
    }
}

extension SendTestServer {
    /// Messages accepted so far, counted from the files the server wrote.
    func messageCount() throws -> Int {
        guard FileManager.default.fileExists(atPath: mailFolder.path) else { return 0 }
        return try FileManager.default.contentsOfDirectory(atPath: mailFolder.path).filter { $0.hasSuffix(".eml") }
            .count
    }
}
