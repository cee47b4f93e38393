import Foundation
import HeraldList
import HeraldTestSupport

/// A newsletter folder with one numbered issue, a SQLite list of generated subscribers, and
/// `[send]` pointing at a test relay: what `herald send` needs, in a temporary folder removed when
/// the test drops it.
struct SendFixture {
    static let secret = String(repeating: "s3cret-for-tests-", count: 3)
    static let issueNumber = 41

    let newsletter: Newsletter
    let databasePath: String
    /// Subscriber ids by address, as saved.
    let subscribers: [String: Int64]

    init(subscriberCount: Int, relay: String, send extra: String = "", postgres: PostgresURL? = nil) async throws {
        newsletter = try Newsletter()
        databasePath =
            postgres.map { "postgres://\($0.user)@\($0.host):\($0.port)/\($0.database)" }
            ?? newsletter.url("data/list.sqlite").path
        let toml = """
            [site]
            title = "This Week in Quill"
            base_url = "https://quill.example"

            [email]
            from = "This Week in Quill <news@quill.example>"

            [list]
            database = "\(databasePath)"
            url = "https://list.quill.example"

            [send]
            smtp = "\(relay)"
            timeout = 5
            \(extra)

            """
        let issue = """
            Title: This Week in Quill 41
            Number: 41
            Date: 2025-03-05
            Category: This Week in Quill

            Hello and welcome to issue 41 of *This Week in Quill*, with ümlauts and a long line that \
            goes on and on so that quoted-printable has to break it somewhere along the way, twice or more.

            ## Updates from the Quill Community

            * [Announcing Quill 0.19](https://blog.quill-lang.example/2025/02/27/quill-0.19/)

            """
        try newsletter.write(["herald.toml": toml, "content/2025-03-05-this-week-in-quill.md": issue])
        let store: any SubscriberStore =
            if let postgres {
                try await PostgresSubscriberStore.connect(to: postgres, password: nil)
            } else {
                try SQLiteSubscriberStore(path: databasePath)
            }
        let now = Date()
        var people: [Subscriber] = []
        for index in 0..<subscriberCount {
            people.append(
                Subscriber(
                    address: try EmailAddress("reader\(index)@example.org"), status: .subscribed, source: .editor,
                    createdAt: now, confirmedAt: now))
        }
        people.append(
            Subscriber(
                address: try EmailAddress("gone@example.org"), status: .unsubscribed, source: .editor, createdAt: now))
        let saved = try await store.save(people)
        await store.close()
        var ids: [String: Int64] = [:]
        for subscriber in saved where subscriber.status == .subscribed { ids[subscriber.address.text] = subscriber.id }
        subscribers = ids
    }

    /// The newsletter's folder.
    var folder: URL { newsletter.folder }

    /// Runs `herald send` (or another verb) in the folder.
    func herald(_ arguments: [String]) throws -> ProcessRun {
        try HeraldBinary.run(
            arguments + ["--folder", folder.path], environment: ["HERALD_LIST_SECRET": Self.secret])
    }
}
