import Foundation
import HeraldTestSupport
import Testing

/// `herald gather` as the editors run it each week: a calendar feed served on 127.0.0.1 becomes
/// the events section of the draft `herald new` made.
@Suite struct GatherCommandTests {
    /// Two events: one in the draft's four-week window, one months after it.
    static let calendar = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Herald tests//EN\r
        BEGIN:VEVENT\r
        UID:lisboa-7@quill.example\r
        DTSTART:20250410T180000Z\r
        DTEND:20250410T200000Z\r
        SUMMARY:Parsing\\, carefully\r
        LOCATION:Lisbon\\, PT\r
        URL:https://quill-lisboa.example/events/7\r
        ORGANIZER;CN=Quill Lisboa:mailto:hello@quill-lisboa.example\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:berlin-1@quill.example\r
        DTSTART:20250801T180000Z\r
        SUMMARY:Too late for this issue\r
        LOCATION:Berlin\\, DE\r
        URL:https://quill-berlin.example/events/1\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    @Test func theEventsOfTheWindowReplaceTheDraftsEventsSection() async throws {
        let weekly = try Newsletter.exampleWeekly()
        let new = try weekly.herald(["new", "--date", "2025-04-02"])
        #expect(new.status == 0, "\(new.standardError)")
        let draftPath = "draft/2025-04-02-this-week-in-quill.md"
        let before = try weekly.read(draftPath)
        let server = try await FixtureServer.start { request in
            request.path == "/quill.ics"
                ? FixtureServer.Reply(contentType: "text/calendar", Self.calendar)
                : FixtureServer.Reply(status: 404)
        }
        let gather: ProcessRun
        do {
            gather = try await TestProcess.running(
                try HeraldBinary.locatedExecutable(),
                ["gather", "events", "--from", server.url("/quill.ics"), "--into-draft", "--folder", "."],
                in: weekly.folder)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(gather.status == 0, "\(gather.standardError)")
        #expect(gather.standardError.contains("1 entries in 1 regions"), "\(gather.standardError)")
        #expect(gather.standardError.contains("updated \(draftPath): events"), "\(gather.standardError)")

        let draft = try weekly.read(draftPath)
        let events = try #require(draft.range(of: "## Upcoming Events")).upperBound
        #expect(
            draft[events...].contains(
                "### Europe\n* 2025-04-10 | Lisbon, PT | [Quill Lisboa](https://quill-lisboa.example/events/7)\n"
                    + "    * [**Parsing, carefully**](https://quill-lisboa.example/events/7)\n"))
        #expect(!draft.contains("Too late for this issue"))
        let eventsBefore = try #require(before.range(of: "## Upcoming Events")).upperBound
        #expect(draft[..<events] == before[..<eventsBefore], "the rest of the draft is left as it was")
    }
}
