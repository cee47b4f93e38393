import Foundation
import HeraldTestSupport
import Testing

/// `herald list` as an editor runs it: the built executable, its exit status and its output.
@Suite struct ListCommandTests {
    /// A newsletter folder whose `herald.toml` puts the list beside it, in the private temporary folder.
    static func listNewsletter() throws -> Newsletter {
        let newsletter = try Newsletter()
        try newsletter.write(
            "[list]\ndatabase = \"\(newsletter.beside("data/list.sqlite").path)\"\n", to: "herald.toml")
        return newsletter
    }

    func run(_ arguments: [String], in newsletter: Newsletter) throws -> ProcessRun {
        try HeraldBinary.run(["list"] + arguments + ["--folder", newsletter.folder.path])
    }

    @Test func importingReportsEachRowAndSaysWhenNothingChanged() throws {
        _ = try HeraldBinary.locatedExecutable()
        let newsletter = try Self.listNewsletter()
        let files = ["subscribed", "unsubscribed", "cleaned"].map {
            Fixture.url("\($0)_members_export_5f2a.csv").path
        }
        let first = try run(["import"] + files, in: newsletter)
        #expect(first.status == 1)
        #expect(first.standardOutput.split(separator: "\n").count == 7)
        #expect(
            first.standardOutput.contains(
                "subscribed_members_export_5f2a.csv:3: added a***@Example.COM as subscribed\n"))
        #expect(first.standardError.contains("subscribed_members_export_5f2a.csv:6: n***: the address has no '@'\n"))
        #expect(!first.standardOutput.contains("ferris@") && !first.standardError.contains("ferris@"))
        let again = try run(["import", files[1], files[2]], in: newsletter)
        #expect(again.status == 0)
        #expect(
            again.standardError.contains(
                "unsubscribed members: 0 added, 0 changed, 2 unchanged, 0 kept, 0 skipped; nothing changed"))
        let export = try run(["export", "--format", "csv"], in: newsletter)
        #expect(export.status == 0)
        #expect(
            export.standardOutput.hasPrefix(
                "address,status,source,created_at,confirmed_at,changed_at\r\nferris@example.org,"))
        #expect(export.standardOutput.split(separator: "\r\n").count == 7)
        let stats = try run(["stats", "--weeks", "2"], in: newsletter)
        #expect(stats.standardOutput.hasPrefix("pending      0\nsubscribed   3\nunsubscribed 2\ncleaned      1\n"))
    }

    @Test func editorChangesExitWithWhatTheyDid() throws {
        let newsletter = try Self.listNewsletter()
        #expect(
            try run(["add", "Reader@Example.org"], in: newsletter).standardOutput
                == "added R***@Example.org as subscribed\n")
        #expect(try run(["remove", "reader@example.org"], in: newsletter).status == 1)
        #expect(try run(["remove", "Reader@example.ORG"], in: newsletter).status == 0)
        let refused = try run(["add", "Reader@Example.org"], in: newsletter)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("add --again"))
        #expect(try run(["add", "Reader@Example.org", "--again"], in: newsletter).status == 0)
        #expect(try run(["forget", "Reader@Example.org"], in: newsletter).status == 0)
        #expect(try run(["forget", "Reader@Example.org"], in: newsletter).status == 1)
        let bad = try run(["add", "secret-person@example..org"], in: newsletter)
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("'s***@example..org' is not an address the list accepts"))
        let export = try run(["export", "--format", "json"], in: newsletter).standardOutput
        #expect((try JSONSerialization.jsonObject(with: Data(export.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func aDatabaseInsideTheRepositoryIsRefused() throws {
        let newsletter = try Self.listNewsletter()
        try #require(try TestProcess.run(program: "git", ["init", "-q", newsletter.folder.path]).status == 0)
        try newsletter.write("[list]\ndatabase = \"list.sqlite\"\n", to: "herald.toml")
        let refused = try run(["stats"], in: newsletter)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("inside the newsletter's git work tree"))
        #expect(!newsletter.exists("list.sqlite"))
    }
}
