import Foundation
import HeraldList
import HeraldTestSupport
import NIOHTTP1
import Testing

/// `herald list serve` as readers meet it: the built executable on a free port, a real SMTP
/// server (aiosmtpd) receiving the confirmation mails, and the store of each backend.
@Suite(.serialized) struct ListServiceTests {
    /// Runs `body` with an empty database of `backend`, given as herald.toml's `[list] database`.
    static func withDatabase(_ backend: StoreBackend, _ body: (String) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let folder = try TestStores.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try await body(folder.appendingPathComponent("list.sqlite").path)
        case .postgres:
            try await TestStores.withPostgresDatabase { url in
                try await body("postgres://\(url.user)@\(url.host):\(url.port)/\(url.database)")
            }
        }
    }

    static var smtpIsAvailable: Bool { SMTPTestServer.isAvailable || SharedFolder.isCI }

    /// Waits until the SMTP server has `count` messages, or fails after `seconds`.
    static func mails(_ server: SMTPTestServer, count: Int, seconds: Int = 60) async throws -> [SMTPTestServer.Received]
    {
        for _ in 0..<(seconds * 20) {
            let received = (try? server.received()) ?? []
            if received.count >= count { return received }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the SMTP server received \((try? server.received().count) ?? 0) mails, not \(count)")
    }

    @Test(.enabled(if: smtpIsAvailable), .timeLimit(.minutes(4)), arguments: StoreBackend.available)
    func signUpConfirmAndLeaveWithOneClick(backend: StoreBackend) async throws {
        try await Self.withDatabase(backend) { database in
            try await SMTPTestServer.with(
                ["--starttls", "--user", SMTPTestServer.user, "--password", SMTPTestServer.password], tls: true
            ) { smtp in
                try await ListServiceProcess.with(backend: backend, database: database, smtp: smtp, tlsRelay: true) {
                    service in
                    try await ListServiceClient.with(base: service.baseURL) { http in
                        let taken = try await http.signUp("Reader@Bücher.example")
                        #expect(taken.status == 200)
                        #expect(taken.body.contains("<h1>Check your inbox</h1>"))
                        #expect(taken.headers.first(name: "Content-Type") == "text/html; charset=utf-8")

                        let mail = try #require(try await Self.mails(smtp, count: 1).first)
                        #expect(mail.tls && mail.authenticated)
                        #expect(mail.from == "news@quill.example")
                        #expect(mail.to == ["Reader@Bücher.example"])
                        #expect(mail.text.contains("Subject: Confirm your subscription to This Week in Quill\r\n"))
                        #expect(mail.text.contains("Auto-Submitted: auto-generated\r\n"))
                        let link = try #require(ConfirmationLink.find(in: mail.text))
                        #expect(link.hasPrefix(service.baseURL + "/confirm?token="))

                        let confirmed = try await http.get(String(link.dropFirst(service.baseURL.count)))
                        #expect(confirmed.status == 200)
                        #expect(confirmed.body.contains("<h1>You are subscribed</h1>"))
                        let subscriber = try #require(
                            try await service.withStore {
                                try await $0.subscriber(withKey: "Reader@xn--bcher-kva.example")
                            })
                        #expect(subscriber.status == .subscribed && subscriber.source == .form)
                        #expect(subscriber.confirmedAt != nil)

                        let token = service.signer.token(for: subscriber.id!, purpose: .unsubscribe)
                        let page = try await http.get("/unsubscribe?token=\(token)")
                        #expect(page.status == 200)
                        #expect(page.body.contains("<form method=\"post\" action=\"/unsubscribe?token=\(token)\">"))
                        #expect(page.body.contains("name=\"List-Unsubscribe\" value=\"One-Click\""))
                        #expect(
                            try await service.withStore { try await $0.subscriber(withID: subscriber.id!)?.status }
                                == .subscribed)

                        // RFC 8058: what a mail provider's unsubscribe button sends, nothing more.
                        let left = try await http.post("/unsubscribe?token=\(token)", "List-Unsubscribe=One-Click")
                        #expect(left.status == 200)
                        #expect(left.body.contains("<h1>You have left This Week in Quill</h1>"))
                        #expect(
                            try await service.withStore { try await $0.subscriber(withID: subscriber.id!)?.status }
                                == .unsubscribed)

                        // Replays change nothing: the old confirmation link predates the leaving.
                        let replayed = try await http.post("/unsubscribe?token=\(token)", "List-Unsubscribe=One-Click")
                        #expect(replayed.status == 200 && replayed.body.contains("is not on the list"))
                        let old = try await http.get(
                            String(link.dropFirst(service.baseURL.count)), headers: [("Accept", "application/json")])
                        #expect(
                            old.body
                                == #"{"message":"You left This Week in Quill after this link was sent, so it changes nothing. Sign up again on the site to come back.","status":"unsubscribed"}"#
                        )
                        #expect(
                            try await service.withStore { try await $0.subscriber(withID: subscriber.id!)?.status }
                                == .unsubscribed)
                        #expect(!service.logText.contains("Reader@") && service.logText.contains("R***@Bücher.example"))
                    }
                }
            }
        }
    }

    @Test(.enabled(if: smtpIsAvailable), .timeLimit(.minutes(4)), arguments: StoreBackend.available)
    func hostileRequestsChangeNothing(backend: StoreBackend) async throws {
        try await Self.withDatabase(backend) { database in
            try await SMTPTestServer.with { smtp in
                try await ListServiceProcess.with(
                    backend: backend, database: database, smtp: smtp, tlsRelay: false,
                    extraArguments: ["--signups-per-minute", "0"]
                ) { service in
                    try await ListServiceClient.with(base: service.baseURL) { http in
                        let addresses = [
                            "", "no-at-sign", "two@@example.org", "a@b",
                            "reader@example.org\r\nBcc: victim@example.org",
                            "reader\n@example.org", "reader\u{0}@example.org",
                            String(repeating: "x", count: 65) + "@example.org",
                            "x@" + String(repeating: "a.", count: 130) + "org", "@example.org", "reader@-example.org",
                        ]
                        for address in addresses {
                            let answer = try await http.signUp(address, json: true)
                            #expect(answer.status == 400, "\(address.debugDescription)")
                            #expect(answer.body.contains(#""status":"invalid-address""#))
                        }
                        // SQL in the address is only text: refused where the address rule says so,
                        // otherwise stored as written, and the table stays.
                        #expect(try await http.signUp("robert');DROP TABLE subscribers;--@example.org").status == 400)
                        let sql = "robert'or'1'='1--@example.org"
                        #expect(try await http.signUp(sql).status == 200)
                        #expect(
                            try await service.withStore { try await $0.subscriber(withKey: sql)?.address.text } == sql)

                        // Ten megabytes, declared and streamed without a length.
                        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
                        let declared = try await http.post(
                            "/subscribe", bytes: huge, headers: [("Content-Type", "application/x-www-form-urlencoded")])
                        #expect(declared.status == 413)
                        let unknownType = try await http.post("/subscribe", "<email/>", type: "text/xml")
                        #expect(unknownType.status == 415)
                        let notAnObject = try await http.post(
                            "/subscribe", "[\"a@example.org\"]", type: "application/json")
                        #expect(notAnObject.status == 400)
                        let brokenEscape = try await http.post("/subscribe", "email=%E0%A4%A")
                        #expect(brokenEscape.status == 400)

                        // The honeypot: answered like a sign-up, nothing stored, nothing mailed.
                        let robot = try await http.signUp("robot@example.org", honeypot: "http://spam.example")
                        #expect(robot.status == 200)
                        #expect(
                            try await service.withStore { try await $0.subscriber(withKey: "robot@example.org") } == nil
                        )

                        // Forged, truncated, wrong-purpose and control-character tokens.
                        let id = try #require(try await service.withStore { try await $0.subscriber(withKey: sql)?.id })
                        let genuine = service.signer.token(for: id, purpose: .unsubscribe)
                        var flipped = Array(genuine.utf8)
                        flipped[10] = flipped[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                        let other = ListTokenSigner(secret: try ListSecret(String(repeating: "k", count: 40)))
                        let broken = [
                            "", "x", String(genuine.dropLast(3)), String(decoding: flipped, as: UTF8.self),
                            other.token(for: id, purpose: .unsubscribe), other.token(for: id, purpose: .confirm),
                            genuine + "%0D%0ASet-Cookie:%20a=b", String(repeating: "A", count: 5000),
                        ]
                        // Each route also refuses the genuine token made for the other one.
                        let wrongPurpose = [
                            "unsubscribe": service.signer.token(for: id, purpose: .confirm), "confirm": genuine,
                        ]
                        for route in ["unsubscribe", "confirm"] {
                            for token in broken + [wrongPurpose[route]!] {
                                let page = try await http.get("/\(route)?token=\(token)")
                                #expect(page.status == 400, "\(route) \(token)")
                                #expect(page.body.contains("This link changes nothing"))
                                #expect(!page.headers.contains(name: "Set-Cookie"))
                                if route == "unsubscribe" {
                                    let post = try await http.post(
                                        "/unsubscribe?token=\(token)", "List-Unsubscribe=One-Click")
                                    #expect(post.status == 400)
                                }
                            }
                        }
                        #expect(try await service.withStore { try await $0.subscriber(withID: id)?.status } == .pending)
                        // A one-click POST without the RFC 8058 body does nothing either.
                        #expect(try await http.post("/unsubscribe?token=\(genuine)", "").status == 400)
                        #expect(try await http.get("/subscribe").status == 405)
                        #expect(try await http.get("/admin").status == 404)
                        let counts = try await service.withStore { try await $0.countsByStatus() }
                        #expect(counts[.pending] == 1 && counts.values.reduce(0, +) == 1)
                    }
                }
            }
        }
    }

    @Test(.enabled(if: smtpIsAvailable), .timeLimit(.minutes(4)), arguments: StoreBackend.available)
    func aThousandSignUpsAtOnceAndAHundredOfOneAddress(backend: StoreBackend) async throws {
        try await Self.withDatabase(backend) { database in
            try await SMTPTestServer.with { smtp in
                try await ListServiceProcess.with(
                    backend: backend, database: database, smtp: smtp, tlsRelay: false,
                    extraArguments: ["--signups-per-minute", "0", "--quiet"]
                ) { service in
                    try await ListServiceClient.with(base: service.baseURL, connections: 64) { http in
                        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                            for index in 0..<1000 {
                                group.addTask { try await http.signUp("reader\(index)@example.org", json: true).status }
                            }
                            for _ in 0..<100 {
                                group.addTask { try await http.signUp("Same@Example.org", json: true).status }
                            }
                            return try await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
                        }
                        #expect(statuses == [202: 1100])
                        let counts = try await service.withStore { try await $0.countsByStatus() }
                        #expect(counts[.pending] == 1001)
                        let mails = try await Self.mails(smtp, count: 1001, seconds: 120)
                        try await Task.sleep(for: .seconds(1))
                        #expect(try smtp.received().count == 1001)
                        #expect(mails.filter { $0.to == ["Same@Example.org"] }.count == 1)
                        #expect(try await service.withStore { try await $0.queuedMailCount() } == 0)
                    }
                }
            }
        }
    }

    @Test(.enabled(if: smtpIsAvailable), .timeLimit(.minutes(4)), arguments: StoreBackend.available)
    func everySignUpAnsweredBeforeAKillIsKept(backend: StoreBackend) async throws {
        try await Self.withDatabase(backend) { database in
            try await SMTPTestServer.with { smtp in
                try await ListServiceProcess.with(
                    backend: backend, database: database, smtp: smtp, tlsRelay: false,
                    extraArguments: ["--signups-per-minute", "0", "--quiet"]
                ) { service in
                    let answered = try await ListServiceClient.with(base: service.baseURL, connections: 32) { http in
                        try await withThrowingTaskGroup(of: String?.self) { group in
                            for index in 0..<1000 {
                                group.addTask {
                                    let address = "burst\(index)@example.org"
                                    let answer = try? await http.signUp(address, json: true)
                                    return answer.map { (200..<300).contains($0.status) } == true ? address : nil
                                }
                            }
                            group.addTask {
                                try await Task.sleep(for: .milliseconds(300))
                                await service.kill(SIGKILL)
                                return nil
                            }
                            return try await group.reduce(into: [String]()) {
                                if let address = $1 { $0.append(address) }
                            }
                        }
                    }
                    #expect(answered.count > 0 && answered.count < 1000, "the kill should land inside the burst")
                    try await service.start()
                    let stored = try await service.withStore { store in Set(try await store.allSubscribers().map(\.key))
                    }
                    let lost = answered.filter { !stored.contains($0) }
                    #expect(lost.isEmpty, "\(lost.count) answered sign-ups were lost")
                }
            }
        }
    }

    @Test(.enabled(if: smtpIsAvailable), .timeLimit(.minutes(4)))
    func oneClientIsSlowedDownAndTheSiteMayPostFromAScript() async throws {
        try await Self.withDatabase(.sqlite) { database in
            try await SMTPTestServer.with { smtp in
                try await ListServiceProcess.with(
                    backend: .sqlite, database: database, smtp: smtp, tlsRelay: false,
                    extraArguments: ["--signups-per-minute", "2", "--signup-burst", "3"],
                    theme: ["list-message.mustache": "<h1 class=\"mine\">{{page.title}}</h1>\n"]
                ) { service in
                    try await ListServiceClient.with(base: service.baseURL) { http in
                        for index in 0..<3 {
                            let answer = try await http.signUp("slow\(index)@example.org")
                            #expect(answer.status == 200)
                            #expect(answer.body.contains("<h1 class=\"mine\">Check your inbox</h1>"))
                        }
                        let refused = try await http.signUp("slow3@example.org")
                        #expect(refused.status == 429)
                        #expect(Int(refused.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)

                        // One mail per address a day, however often it signs up.
                        try await Task.sleep(for: .seconds(31))
                        #expect(try await http.signUp("slow0@example.org").status == 200)
                        _ = try await Self.mails(smtp, count: 3)
                        try await Task.sleep(for: .seconds(2))
                        #expect(try smtp.received().filter { $0.to == ["slow0@example.org"] }.count == 1)

                        let preflight = try await http.send(
                            "/subscribe", method: .OPTIONS, body: nil,
                            headers: [("Origin", "https://quill.example"), ("Access-Control-Request-Method", "POST")])
                        #expect(preflight.status == 204)
                        #expect(preflight.headers.first(name: "Access-Control-Allow-Origin") == "https://quill.example")
                        #expect(preflight.headers.first(name: "Access-Control-Allow-Methods") == "POST")
                        let stranger = try await http.send(
                            "/subscribe", method: .OPTIONS, body: nil, headers: [("Origin", "https://evil.example")])
                        #expect(stranger.headers.first(name: "Access-Control-Allow-Origin") == nil)
                    }
                }
            }
        }
    }
}
