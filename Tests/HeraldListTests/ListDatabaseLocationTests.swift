import Foundation
import HeraldCore
import HeraldList
import HeraldTestSupport
import Testing

@Suite struct ListDatabaseLocationTests {
    let folder = URL(fileURLWithPath: "/srv/weekly")

    @Test func theDefaultLiesUnderTheDataHomeByHost() throws {
        let located = try ListDatabaseLocation(
            setting: nil, folder: folder, siteURL: "https://This-Week-In-Rust.org",
            environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ed"])
        #expect(located == .sqlite(path: "/data/herald/this-week-in-rust.org/list.sqlite"))
        let withoutXDG = try ListDatabaseLocation(
            setting: nil, folder: folder, siteURL: "https://example.org", environment: ["HOME": "/home/ed"])
        #expect(withoutXDG == .sqlite(path: "/home/ed/.local/share/herald/example.org/list.sqlite"))
        let relativeXDG = try ListDatabaseLocation(
            setting: nil, folder: folder, siteURL: "https://example.org",
            environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ed"])
        #expect(relativeXDG == withoutXDG)
    }

    @Test func heraldTomlSaysWhereTheListIs() throws {
        let toml = "[list]\ndatabase = \"postgres://herald@db/weekly\"\nsecret_file = \"/etc/herald/list-secret\"\n"
        let configuration = try NewsletterConfiguration(toml: toml)
        #expect(configuration.list.database == "postgres://herald@db/weekly")
        #expect(configuration.list.secretFile == "/etc/herald/list-secret")
        #expect(NewsletterConfiguration.twir.list.database == nil)
        let error = #expect(throws: HeraldError.self) { try NewsletterConfiguration(toml: "[list]\ndatabse = \"x\"\n") }
        #expect(error?.problems.first?.message == "unknown key 'databse' in [list]")
    }

    @Test func aRelativePathStartsAtTheNewsletterFolder() throws {
        let located = try ListDatabaseLocation(
            setting: "private/../list.sqlite", folder: folder, siteURL: "https://example.org", environment: [:])
        #expect(located == .sqlite(path: "/srv/weekly/list.sqlite"))
    }

    @Test func aPostgresURLNamesUserHostPortAndDatabase() throws {
        let located = try ListDatabaseLocation(
            setting: "postgres://herald@db.internal:6543/weekly", folder: folder, siteURL: "https://example.org",
            environment: [:])
        guard case .postgres(let url) = located else {
            Issue.record("expected PostgreSQL, got \(located)")
            return
        }
        #expect(url == (try PostgresURL("postgresql://herald@db.internal:6543/weekly")))
        #expect(url.server == "db.internal:6543/weekly")
        #expect(try PostgresURL("postgres://ed@localhost").database == "ed")
        #expect(try PostgresURL("postgres://ed@localhost").port == 5432)
    }

    @Test(arguments: ["postgres://ed:secret@localhost/db", "postgres://localhost/db", "postgres://ed@/db"])
    func unusableURLsAreRefused(_ text: String) {
        let error = #expect(throws: ListStoreError.self) { try PostgresURL(text) }
        #expect(error?.description.contains("secret") == false)
    }
}

@Suite struct GitWorkTreeTests {
    /// A git repository holding a newsletter folder, as the editors' checkout would.
    func withRepository(_ body: (URL) async throws -> Void) async throws {
        let root = try TestStores.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try #require(try TestProcess.run(program: "git", ["init", "-q", root.path]).status == 0)
        try await body(root)
    }

    func open(_ setting: String, in folder: URL) async throws {
        let location = try ListDatabaseLocation(
            setting: setting, folder: folder, siteURL: "https://example.org", environment: [:])
        let store = try await location.open(newsletterFolder: folder, environment: [:])
        await store.close()
    }

    @Test func aDatabaseGitWouldCommitIsRefused() async throws {
        try await withRepository { root in
            let error = await #expect(throws: ListStoreError.self) { try await open("data/list.sqlite", in: root) }
            #expect(error?.description.contains("inside the newsletter's git work tree") == true)
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("data/list.sqlite").path))
        }
    }

    @Test func anIgnoredDatabaseIsAccepted() async throws {
        try await withRepository { root in
            try Data("/data/\n".utf8).write(to: root.appendingPathComponent(".gitignore"))
            try await open("data/list.sqlite", in: root)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("data/list.sqlite").path))
        }
    }

    @Test func theDatabaseAndItsLogAreReadableByTheOwnerOnly() async throws {
        let folder = try TestStores.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("private/list.sqlite").path
        let store = try SQLiteSubscriberStore(path: path)
        try await store.save(
            Subscriber(
                address: try EmailAddress("a@example.org"), status: .subscribed, source: .editor, createdAt: Date()))
        for file in [path, path + "-wal", path + "-shm", folder.appendingPathComponent("private").path] {
            let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(permissions.map { $0 & 0o077 } == 0, "\(file)")
        }
        await store.close()
    }

    @Test func aDatabaseOutsideTheWorkTreeIsAccepted() async throws {
        try await withRepository { root in
            let outside = try TestStores.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: outside) }
            try await open(outside.appendingPathComponent("list.sqlite").path, in: root)
            let attributes = try FileManager.default.attributesOfItem(
                atPath: outside.appendingPathComponent("list.sqlite").path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }
}
