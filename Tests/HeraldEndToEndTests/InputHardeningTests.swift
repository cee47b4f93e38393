import Foundation
import HeraldTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 14's list, run against the built `herald`: nothing in an issue file, a config value or
/// a fetched page can inject, trap or lose a line.
@Suite("Input hardening, end to end")
struct InputHardeningTests {
    /// ``HeraldBinary/run(_:in:environment:standardInput:)`` on a Dispatch thread: a test's fixture
    /// server answers on Swift's cooperative threads, which a waiting process must not hold.
    static func run(_ arguments: [String], in directory: URL) async throws -> ProcessRun {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try HeraldBinary.run(arguments, in: directory) })
            }
        }
    }

    @Test("a line break in [email] to is refused, naming the key, and no .eml is written")
    func headerInjection() throws {
        let weekly = try HardeningWeekly(
            configuration: HardeningWeekly.configuration
                + "\n\n[email]\nto = \"list@twit.example\\r\\nBcc: victim@evil.example\"")
        let out = weekly.root.appendingPathComponent("mail")
        let run = try HeraldBinary.run(["email", "--latest", "--out", out.path], in: weekly.root)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardError.contains("herald.toml"))
        #expect(run.standardError.contains("[email] to"))
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(!written.contains { $0.hasSuffix(".eml") })
    }

    @Test("two herald submit started together both land, round after round")
    func concurrentSubmits() async throws {
        let weekly = try HardeningWeekly()
        for round in 0..<4 {
            let runs = try await withThrowingTaskGroup(of: ProcessRun.self) { group in
                for side in ["a", "b"] {
                    group.addTask {
                        try await InputHardeningTests.run(
                            [
                                "submit", "https://round\(round).example/\(side)", "--title", "Round \(round) \(side)",
                                "--no-fetch", "--section", "observations",
                            ], in: weekly.root)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for run in runs { #expect(run.status == 0, "\(run.standardError)") }
        }
        let draft = try #require(weekly.read(HardeningWeekly.draftPath))
        for round in 0..<4 {
            for side in ["a", "b"] {
                #expect(draft.contains("* [Round \(round) \(side)](https://round\(round).example/\(side))"))
            }
        }
    }

    @Test("Number: 9223372036854775807 is an error naming the file and line in new, publish, build, export, check")
    func hugeNumber() throws {
        let weekly = try HardeningWeekly()
        try weekly.write(
            "content/2025-03-26-this-week-in-test.md",
            HardeningWeekly.issue(number: "9223372036854775807", date: "2025-03-26"))
        let verbs: [[String]] = [
            ["new", "--dry-run", "--date", "2025-04-09"], ["publish", "--dry-run"], ["build"], ["export"],
            ["check", "content/2025-03-26-this-week-in-test.md"],
        ]
        for verb in verbs {
            let run = try HeraldBinary.run(verb, in: weekly.root)
            // 0 for the verbs that carry on without the unreadable issue; never a signal's status.
            #expect([0, 1, 2].contains(run.status), "\(verb): exit \(run.status) \(run.standardError)")
            #expect(
                (run.standardError + run.standardOutput).contains("2025-03-26-this-week-in-test.md:2"),
                "\(verb): \(run.standardError)")
        }
    }

    @Test("U+0001 in a Title: check reports it, and the feeds stay well-formed XML")
    func controlCharacterInTitle() throws {
        let weekly = try HardeningWeekly()
        try weekly.write(
            "content/2025-03-26-this-week-in-test.md",
            HardeningWeekly.issue(number: "1", date: "2025-03-26", title: "This Week in Test\u{1} 1"))
        let check = try HeraldBinary.run(["check", "content/2025-03-26-this-week-in-test.md"], in: weekly.root)
        #expect(check.status == 1)
        #expect((check.standardOutput + check.standardError).contains("U+0001"), "\(check.standardOutput)")
        let build = try HeraldBinary.run(["build"], in: weekly.root)
        #expect(build.status == 0, "\(build.standardError)")
        for feed in ["atom.xml", "rss.xml"] {
            let data = try Data(contentsOf: weekly.root.appendingPathComponent("_site/\(feed)"))
            #expect(XMLParser(data: data).parse(), "\(feed) is well-formed")
        }
    }

    @Test("submit: a Latin-1 page with control characters and an unclosed 3 MB title makes a clean, short line")
    func hostilePages() async throws {
        let server = try await FixtureServer.start { request in
            switch request.path {
            case "/latin1":
                let bytes =
                    Array("<title>\u{1B}Caf".utf8) + [0xE9] + Array(" Z".utf8) + [0xFC]
                    + Array("rich".utf8) + [0x07, 0x81] + Array("</title>".utf8)
                return FixtureServer.Reply(headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: bytes)
            default:
                let title = "<title>" + String(repeating: "endless ", count: 400_000)
                return FixtureServer.Reply(headers: [("Content-Type", "text/html")], body: Array(title.utf8))
            }
        }
        defer { Task { await server.stop() } }
        let weekly = try HardeningWeekly()
        let latin1 = try await InputHardeningTests.run(
            ["submit", server.url("/latin1"), "--section", "observations"], in: weekly.root)
        #expect(latin1.status == 0, "\(latin1.standardError)")
        let draft = try #require(weekly.read(HardeningWeekly.draftPath))
        #expect(draft.contains("* [Café Zürich](\(server.url("/latin1")))"), "\(draft)")
        #expect(!draft.unicodeScalars.contains { [0x07, 0x1B, 0x81].contains($0.value) })

        let long = try await InputHardeningTests.run(
            ["submit", server.url("/unclosed"), "--section", "observations"], in: weekly.root)
        #expect(long.status == 0, "\(long.standardError)")
        let line = try #require(weekly.read(HardeningWeekly.draftPath)?.split(separator: "\n").last)
        #expect(line.count < 300)
        #expect(line.contains("endless…"))
    }

    @Test("submit gives up on a page whose body drips at the 15 s deadline, not when the body ends")
    func drippingPage() async throws {
        let server = try await FixtureServer.start { _ in
            var reply = FixtureServer.Reply(
                headers: [("Content-Type", "text/html")],
                body: Array(("<title>Slow</title>" + String(repeating: " ", count: 300)).utf8))
            reply.drip = .milliseconds(200)
            return reply
        }
        defer { Task { await server.stop() } }
        let weekly = try HardeningWeekly()
        let started = Date()
        let run = try await InputHardeningTests.run(
            ["submit", server.url("/drip"), "--section", "observations"], in: weekly.root)
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == 3, "\(run.standardError)")
        #expect(run.standardError.contains("did not answer in time"))
        // The body takes 64 s; the deadline is 15 s.
        #expect(elapsed < 30, "took \(elapsed) s")
    }
}
