import Foundation
import HeraldServer
import HeraldTestSupport

/// A running preview of a temporary copy of the example newsletter, with a draft, and a secret
/// file beside the site that no request may read. ``stop()`` ends the server; the files go with
/// the fixture.
final class PreviewFixture: Sendable {
    /// The copy of the example, with the secret and the preview's output beside it.
    let files: Newsletter
    let output: URL
    let client: HTTPTestClient
    let events: AsyncStream<PreviewEvent>
    private let server: Task<Void, any Error>

    /// The text of the file outside the site that traversal attempts aim at.
    static let secret = "TOP-SECRET-\(UUID().uuidString)"
    static let draftPath = "draft/2025-04-02-this-week-in-quill.md"
    static let draft = """
        Title: This Week in Quill 45
        Number: 45
        Date: 2025-04-02
        Category: This Week in Quill

        Welcome to the draft of issue 45.

        """

    /// The copy's folder.
    var newsletter: URL { files.folder }

    /// Runs `body` with a started preview and stops it afterwards, also when `body` throws.
    static func run(includingDrafts: Bool = true, _ body: (PreviewFixture) async throws -> Void) async throws {
        let preview = try await start(includingDrafts: includingDrafts)
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    /// Copies the example, starts the server on a free port and waits for its first build.
    private static func start(includingDrafts: Bool) async throws -> PreviewFixture {
        let files = try Newsletter.exampleWeekly(files: [draftPath: draft])
        try Data(secret.utf8).write(to: files.beside("secret.txt"))
        let output = files.beside("preview")
        let options = PreviewOptions(folder: files.folder, output: output, port: 0, includeDrafts: includingDrafts)
        let (events, continuation) = AsyncStream.makeStream(of: PreviewEvent.self)
        let server = Task {
            defer { continuation.finish() }
            try await PreviewServer(options: options).run { continuation.yield($0) }
        }
        var iterator = events.makeAsyncIterator()
        guard case .ready(let url, let currentDraft, _) = await iterator.next(), let port = URL(string: url)?.port,
            currentDraft == (includingDrafts ? "/issues/45/" : nil)
        else {
            server.cancel()
            _ = await server.result
            throw HTTPTestClient.ClientError(description: "the server did not start, or named the wrong newest draft")
        }
        return PreviewFixture(
            files: files, output: output, client: HTTPTestClient(port: port), events: events, server: server)
    }

    private init(
        files: Newsletter, output: URL, client: HTTPTestClient, events: AsyncStream<PreviewEvent>,
        server: Task<Void, any Error>
    ) {
        self.files = files
        self.output = output
        self.client = client
        self.events = events
        self.server = server
    }

    /// Writes `text` into the newsletter at `path`, as an editor's save would.
    func save(_ text: String, to path: String) throws {
        try files.write(text, to: path)
    }

    /// Stops the server and waits for it to end; the files go with the fixture.
    func stop() async {
        server.cancel()
        _ = await server.result
    }
}
