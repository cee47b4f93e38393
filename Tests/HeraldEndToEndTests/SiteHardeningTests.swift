import Foundation
import HeraldTestSupport
import Testing

/// Issue 14's site items run against the built `herald`, each in a temporary copy of the example
/// newsletter: a slug that climbs out, a manifest Herald cannot trust, a killed build, the
/// preview server, a linked issue file and a `herald.toml` that is a folder.
@Suite struct SiteHardeningTests {
    /// A temporary folder holding a copy of the example newsletter (`newsletter/`) and room for
    /// its site beside it (`site/`), removed afterwards.
    final class Workspace {
        let files: Newsletter
        var root: URL { files.temporaryFolder }
        var newsletter: URL { files.folder }
        var site: URL { files.beside("site") }

        init() throws {
            files = try Newsletter.exampleWeekly()
        }

        func write(_ text: String, to path: String) throws {
            try files.write(text, to: path)
        }

        /// Publishes issues at `blog/{year}/{slug}/`, as This Week in Rust does, instead of the
        /// example's `issues/{number}/`.
        func useSlugsInAddresses() throws {
            let text = try files.read("herald.toml")
            try files.write(
                text.replacingOccurrences(of: "issues/{number}/", with: "blog/{year}/{slug}/"), to: "herald.toml")
        }

        func herald(_ arguments: [String]) throws -> ProcessRun {
            try HeraldBinary.run(arguments, in: root)
        }

        func build() throws -> ProcessRun {
            try herald(["build", "--folder", "newsletter", "--out", "site"])
        }

        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
    }

    static let escapingIssue = "Title: Escape\nDate: 2025-04-16\nSlug: ../../../../escaped\n\nText.\n"

    @Test func aSlugThatClimbsOutIsRefusedByBuildEmailAndCheck() throws {
        let workspace = try Workspace()
        try workspace.useSlugsInAddresses()
        try workspace.write(Self.escapingIssue, to: "content/2025-04-16-escape.md")
        let build = try workspace.build()
        #expect(build.status == 1)
        #expect(build.standardError.contains("2025-04-16-escape.md:3:"), "\(build.standardError)")
        #expect(!workspace.exists("site"))
        #expect(!workspace.exists("escaped"))
        let email = try workspace.herald(
            ["email", "newsletter/content/2025-04-16-escape.md", "--folder", "newsletter", "--out", "mail"])
        #expect(email.status == 1)
        #expect(email.standardError.contains(":3:"), "\(email.standardError)")
        #expect(!workspace.exists("escaped.eml"))
        let check = try workspace.herald(["check", "--folder", "newsletter", "newsletter/content/2025-04-16-escape.md"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("2025-04-16-escape.md:3:"), "\(check.standardOutput)")
        #expect(check.standardOutput.contains("metadata"))
    }

    @Test(arguments: ["", "{}", #"{"format": 99, "files": {}}"#])
    func aManifestHeraldCannotTrustLeavesCNAMEAndGitAlone(manifest: String) throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        try Data("quill.example\n".utf8).write(to: workspace.site.appendingPathComponent("CNAME"))
        try FileManager.default.createDirectory(
            at: workspace.site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: workspace.site.appendingPathComponent(".git/HEAD"))
        try Data(manifest.utf8).write(to: workspace.site.appendingPathComponent(".herald-manifest.json"))
        let rebuild = try workspace.build()
        #expect(rebuild.status == 0, "\(rebuild.standardError)")
        #expect(workspace.exists("site/CNAME"))
        #expect(workspace.exists("site/.git/HEAD"))
        #expect(workspace.exists("site/index.html"))
    }

    @Test func killedBuildsLeaveNoMixAndNoStagingAfterTheNextBuild() throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        let issue = workspace.newsletter.appendingPathComponent("content/2025-03-26-this-week-in-quill.md")
        let original = try String(contentsOf: issue, encoding: .utf8)
        for round in 0..<6 {
            let edited = original.replacingOccurrences(of: "Quill 44", with: "Quill 44 (round \(round))")
            try Data(edited.utf8).write(to: issue)
            let process = Process()
            process.executableURL = try HeraldBinary.locatedExecutable()
            process.arguments = ["build", "--folder", "newsletter", "--out", "site"]
            process.currentDirectoryURL = workspace.root
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0..<120_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try workspace.build().status == 0)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path)
                .filter { $0.hasPrefix(".site.herald") }
            #expect(leftovers.isEmpty, "round \(round): \(leftovers)")
            let page = try String(contentsOf: workspace.site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(page.contains("(round \(round))"), "round \(round): the home page shows the newest title")
        }
        // A staging folder a killed build left (of any age) is removed by the next build.
        let stale = workspace.root.appendingPathComponent(".site.herald-new-0000")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        #expect(try workspace.build().status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func anIssueLinkedFromOutsideIsReportedByName() throws {
        let workspace = try Workspace()
        let secret = workspace.root.appendingPathComponent("secret.md")
        try Data("Title: Secret 99\nNumber: 99\nDate: 2025-04-16\n\nPrivate.\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(
            at: workspace.newsletter.appendingPathComponent("content/2025-04-16-secret.md"), withDestinationURL: secret)
        let build = try workspace.build()
        #expect(build.status == 0)
        #expect(build.standardError.contains("2025-04-16-secret.md"), "\(build.standardError)")
        #expect(build.standardError.contains("outside the newsletter folder"))
        #expect(!workspace.exists("site/issues/99"))
    }

    @Test func aConfigurationThatIsAFolderIsAClearError() throws {
        let workspace = try Workspace()
        let configuration = workspace.newsletter.appendingPathComponent("herald.toml")
        try FileManager.default.removeItem(at: configuration)
        try FileManager.default.createDirectory(at: configuration, withIntermediateDirectories: true)
        let build = try workspace.build()
        #expect(build.status != 0)
        #expect(build.standardError.contains("herald.toml"))
        #expect(build.standardError.contains("is a folder"))
        #expect(!build.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test func servePreviewChecksHostAndNeverRedirectsToAnotherHost() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(in: workspace)
        defer { server.stop() }
        let port = server.port
        #expect(try RawHTTP.get("/archive/", host: "localhost:\(port)", port: port).hasPrefix("HTTP/1.1 200"))
        #expect(try RawHTTP.get("/archive/", host: "rebound.example", port: port).hasPrefix("HTTP/1.1 421"))
        let redirect = try RawHTTP.get("//archive", host: "127.0.0.1:\(port)", port: port)
        #expect(redirect.hasPrefix("HTTP/1.1 301"))
        #expect(redirect.lowercased().contains("\r\nlocation: /archive/\r\n"), "\(redirect)")
    }
}

extension SiteHardeningTests {
    /// 300 issues make a full rebuild take long enough to be caught in the act: requests sent
    /// while `herald serve` rebuilds after a `herald.toml` change must not wait for it.
    @Test func servePreviewAnswersWhileItRebuilds() throws {
        let workspace = try Workspace()
        let template = try String(
            contentsOf: workspace.newsletter.appendingPathComponent("content/2025-03-26-this-week-in-quill.md"),
            encoding: .utf8)
        for number in 100..<400 {
            let day = 1 + number % 28
            let month = 1 + (number / 28) % 12
            let date = "2019-" + (month < 10 ? "0\(month)" : "\(month)") + "-" + (day < 10 ? "0\(day)" : "\(day)")
            let issue = template.replacingOccurrences(of: "44", with: "\(number)")
                .replacingOccurrences(of: "2025-03-26", with: date)
            try workspace.write(issue, to: "content/generated-\(number).md")
        }
        let server = try ServeProcess(in: workspace)
        defer { server.stop() }
        let configuration = workspace.newsletter.appendingPathComponent("herald.toml")
        let text = try String(contentsOf: configuration, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "This Week in Quill\"", with: "This Week in Ink\"").utf8)
            .write(to: configuration)
        var slowest = Duration.zero
        var answered = 0
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(60)
        while !server.hasRebuilt(), clock.now < deadline {
            let start = clock.now
            let response = try RawHTTP.get("/archive/", host: "127.0.0.1:\(server.port)", port: server.port)
            slowest = max(slowest, clock.now - start)
            if response.hasPrefix("HTTP/1.1 200") { answered += 1 }
        }
        let rebuild = try #require(server.rebuildDuration(), "the preview did not rebuild")
        #expect(answered > 0)
        if rebuild > .milliseconds(400) {
            #expect(slowest < rebuild / 2, "a request waited \(slowest) during a rebuild of \(rebuild)")
        }
    }
}

/// A running `herald serve --port 0` in a workspace, with what it wrote to standard error.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let lock = NSLock()
    private var errorText = ""

    init(in workspace: SiteHardeningTests.Workspace) throws {
        process.executableURL = try HeraldBinary.locatedExecutable()
        process.arguments = ["serve", "--folder", "newsletter", "--port", "0"]
        process.currentDirectoryURL = workspace.root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("serving the preview at") {
            let chunk = errors.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        errorText = text
        let line = text.split(separator: "\n").first { $0.contains("serving the preview at") }
        guard let port = line?.split(separator: ":").dropFirst(2).first.flatMap({ Int($0.prefix { $0.isNumber }) })
        else {
            process.terminate()
            throw HeraldProcessFailure(description: "herald serve did not start: \(text)")
        }
        self.port = port
        Thread.detachNewThread { [self] in
            while true {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                lock.withLock { errorText += String(decoding: chunk, as: UTF8.self) }
            }
        }
    }

    /// Whether the server reported a rebuild since it started.
    func hasRebuilt() -> Bool {
        lock.withLock { errorText.contains("rebuilt in ") }
    }

    /// How long the first rebuild took, as the server reported it.
    func rebuildDuration() -> Duration? {
        let text = lock.withLock { errorText }
        guard let range = text.range(of: "rebuilt in ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber }).map { .milliseconds($0) }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// One HTTP/1.1 request over a plain socket, so a test chooses the `Host` header a browser would
/// send after DNS rebinding, which URLSession does not let it set.
enum RawHTTP {
    static func get(_ target: String, host: String, port: Int) throws -> String {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw HeraldProcessFailure(description: "socket() failed") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw HeraldProcessFailure(description: "cannot connect to port \(port)") }
        let request = Array("GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
