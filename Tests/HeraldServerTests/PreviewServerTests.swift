import Foundation
import HeraldServer
import HeraldTestSupport
import Testing

@Suite(.serialized)
struct PreviewServerTests {
    @Test func servesPagesWithTheirContentTypesAndTheReloadScript() async throws {
        try await PreviewFixture.run { preview in
            let home = try await preview.client.request("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("This Week in Quill"))
            #expect(home.body.contains("new EventSource(\"/_herald/events?since="))

            let issue = try await preview.client.request("/issues/41/")
            #expect(issue.status == 200)
            #expect(issue.body.contains("issue 41"))

            let calendar = try await preview.client.request("/events.ics")
            #expect(calendar.status == 200)
            #expect(calendar.headers["content-type"] == "text/calendar; charset=utf-8")
            #expect(!calendar.body.contains("EventSource"))

            let built = try String(contentsOf: preview.output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!built.contains("_herald"), "the script is added when serving, never written into the site")
        }
    }

    @Test func redirectsAFolderToItsSlashAndServesItsIndex() async throws {
        try await PreviewFixture.run { preview in
            let redirect = try await preview.client.request("/issues/41")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/issues/41/")
            let draft = try await preview.client.request("/issues/45/")
            #expect(draft.status == 200)
            #expect(draft.body.contains("Welcome to the draft of issue 45."))
        }
    }

    @Test func redirectsADoubleSlashToAPathNotToAnotherHost() async throws {
        try await PreviewFixture.run { preview in
            for target in ["//issues/41", "///issues//41", "//issues/41?x=1"] {
                let redirect = try await preview.client.request(target)
                #expect(redirect.status == 301)
                let location = try #require(redirect.headers["location"])
                #expect(location.hasPrefix("/issues/41/"), "\(target) → \(location)")
                #expect(!location.hasPrefix("//"))
            }
        }
    }

    @Test func answersOnlyItsOwnHostNames() async throws {
        try await PreviewFixture.run { preview in
            for host in ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example:1"] {
                let refused = try await preview.client.request("/issues/45/", host: host)
                #expect(refused.status == 421, "\(host)")
                #expect(!refused.body.contains("Welcome to the draft"))
            }
            for host in ["localhost", "LOCALHOST:8000", "127.0.0.1", "[::1]:8000"] {
                #expect(try await preview.client.request("/issues/45/", host: host).status == 200, "\(host)")
            }
            let twice = try await preview.client.request("/issues/45/", headers: ["Host": "evil.example"])
            #expect(twice.status == 421)
        }
    }

    @Test func aRequestDuringARebuildIsAnsweredFromTheLastGoodSite() async throws {
        let weekly = try Newsletter.exampleWeekly()
        let live = LiveSite(options: PreviewOptions(folder: weekly.folder, output: weekly.url("_preview")))
        // A rebuild in progress holds the actor; the problems a request reads must not wait for it.
        let rebuild = Task { await live.rebuild(baseURL: "http://127.0.0.1:1") }
        try await Task.sleep(for: .milliseconds(5))
        let start = ContinuousClock.now
        #expect(live.problems.isEmpty)
        let waited = ContinuousClock.now - start
        _ = await rebuild.value
        #expect(waited < .milliseconds(50))
    }

    @Test func thePreviewFolderIsPrivateAndNewEachTime() throws {
        let first = try PreviewOptions.makePrivateOutput()
        let second = try PreviewOptions.makePrivateOutput()
        defer {
            for output in [first, second] {
                try? FileManager.default.removeItem(at: PreviewOptions.privateFolder(of: output))
            }
        }
        #expect(first != second)
        let attributes = try FileManager.default.attributesOfItem(atPath: PreviewOptions.privateFolder(of: first).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
    }

    @Test func answersAMissingPageWithTheThemes404Page() async throws {
        try await PreviewFixture.run { preview in
            let missing = try await preview.client.request("/no/such/page/")
            let themePage = try String(contentsOf: preview.output.appendingPathComponent("404.html"), encoding: .utf8)
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.body.contains("Page not found"))
            #expect(missing.body.hasPrefix(String(themePage.prefix(200))))
        }
    }

    @Test func answersHEADWithTheHeadersOfGETAndNoBody() async throws {
        try await PreviewFixture.run { preview in
            let get = try await preview.client.request("/")
            let head = try await preview.client.request("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.utf8.count))
            #expect(head.headers["etag"] == get.headers["etag"])
            let post = try await preview.client.request("/", method: "POST")
            #expect(post.status == 405)
        }
    }

    @Test func answersNotModifiedWhenTheBrowserHasThePage() async throws {
        try await PreviewFixture.run { preview in
            let first = try await preview.client.request("/issues/41/")
            let tag = try #require(first.headers["etag"])
            let again = try await preview.client.request("/issues/41/", headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            let stale = try await preview.client.request("/issues/41/", headers: ["If-None-Match": "\"0-0\""])
            #expect(stale.status == 200)
        }
    }

    @Test func refusesEveryPathOutsideTheSite() async throws {
        try await PreviewFixture.run { preview in
            let outside = preview.files.beside("secret.txt")
            try FileManager.default.createSymbolicLink(
                at: preview.output.appendingPathComponent("leak.txt"), withDestinationURL: outside)
            try FileManager.default.createSymbolicLink(
                at: preview.output.appendingPathComponent("leak-folder"),
                withDestinationURL: preview.files.temporaryFolder)
            let attempts = [
                "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
                "/%2e%2e%2fsecret.txt", "/issues/../../secret.txt", "/.%2e/secret.txt", "//" + outside.path,
                "/" + outside.path, "/%2F" + outside.path.dropFirst(), "/leak.txt", "/leak-folder/secret.txt",
                "/leak-folder/", "/..\\secret.txt", "/secret.txt%00.html", "/.herald-manifest.json",
            ]
            for attempt in attempts {
                let response = try await preview.client.request(attempt)
                #expect(response.status == 404, "\(attempt)")
                #expect(!response.body.contains(PreviewFixture.secret), "\(attempt) leaked the file")
            }
        }
    }

    @Test func reloadsOpenPagesWithTheNewContentAfterASave() async throws {
        try await PreviewFixture.run { preview in
            let stream = try await preview.client.awaitEvent("reload", at: "/_herald/events") {
                try preview.save(PreviewFixture.draft + "A freshly written paragraph.\n", to: PreviewFixture.draftPath)
            }
            #expect(stream.hasPrefix("HTTP/1.1 200"))
            #expect(stream.contains("text/event-stream"))
            let page = try await preview.client.request("/issues/45/")
            #expect(page.body.contains("A freshly written paragraph."))
        }
    }

    @Test func tellsAPageThatMissedARebuildToReload() async throws {
        try await PreviewFixture.run { preview in
            let stream = try await preview.client.awaitEvent("reload", at: "/_herald/events?since=0") {}
            #expect(stream.contains("event: reload\ndata: 1\n"))
        }
    }

    @Test func showsABuildErrorOnEveryPageUntilTheNextGoodSave() async throws {
        try await PreviewFixture.run { preview in
            let broken = PreviewFixture.draft.replacingOccurrences(of: "Number: 45", with: "Number: 41")
            _ = try await preview.client.awaitEvent("reload", at: "/_herald/events") {
                try preview.save(broken, to: PreviewFixture.draftPath)
            }
            let page = try await preview.client.request("/issues/41/")
            #expect(page.status == 200)
            #expect(page.body.contains("herald-build-error"))
            #expect(page.body.contains("2025-04-02-this-week-in-quill.md:2:1"))
            #expect(page.body.contains("issue number 41 is also used by"))

            _ = try await preview.client.awaitEvent("reload", at: "/_herald/events") {
                try preview.save(PreviewFixture.draft, to: PreviewFixture.draftPath)
            }
            let fixed = try await preview.client.request("/issues/41/")
            #expect(!fixed.body.contains("herald-build-error"))
        }
    }

    @Test func leavesTheDraftsOutWhenAsked() async throws {
        try await PreviewFixture.run(includingDrafts: false) { preview in
            let draft = try await preview.client.request("/issues/45/")
            #expect(draft.status == 404)
            let published = try await preview.client.request("/issues/41/")
            #expect(published.status == 200)
        }
    }
}
