import Foundation
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// A build deletes only what its manifest proves Herald wrote, commits through a journal the
/// next build replays, and never writes outside the output folder (issue 14, items 1, 4 and 8).
@Suite struct OutputOwnershipTests {
    /// A site built once, with a `CNAME` and a gh-pages `.git/` the user keeps in it.
    private func builtSiteWithUserFiles() throws -> SiteFixture {
        let site = try SiteFixture()
        try site.build()
        try Data("quill.example\n".utf8).write(to: site.output.appendingPathComponent("CNAME"))
        let git = site.output.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        return site
    }

    @Test(arguments: [
        "", "{", "null", #"{"format": 1}"#, #"{"format": 0, "files": {"index.html": "00"}}"#,
        #"{"format": 99, "files": {"index.html": "00"}, "owners": []}"#, #"{"format": 1, "files": ["x"]}"#,
    ])
    func aManifestHeraldCannotTrustDeletesNothingOfTheUsers(manifest: String) throws {
        let site = try builtSiteWithUserFiles()
        try Data(manifest.utf8).write(to: site.output.appendingPathComponent(BuildManifest.fileName))
        let report = try site.build()
        #expect(try site.read("CNAME") == "quill.example\n")
        #expect(try site.read(".git/HEAD") == "ref: refs/heads/gh-pages\n")
        #expect(site.exists("index.html"))
        #expect(report.reused == 0, "keys Herald cannot trust make every page again")
        #expect(BuildManifest.read(in: site.output)?.hasCurrentKeys == true)
    }

    @Test func onlyFilesTheManifestNamesAreRemoved() throws {
        let site = try builtSiteWithUserFiles()
        let stray = site.output.appendingPathComponent("issues/41/notes.txt")
        try Data("mine".utf8).write(to: stray)
        try site.files.remove("content/pages/about.md")
        try site.build()
        #expect(!site.exists("pages/about.html"))
        #expect(FileManager.default.fileExists(atPath: stray.path))
        #expect(site.exists("CNAME"))
    }

    @Test func aManifestNamingAPathThroughALinkCannotDeleteOutside() throws {
        let site = try SiteFixture()
        try site.build()
        let outside = site.root.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("file.txt"))
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("link"), withDestinationURL: outside)
        var manifest = try #require(BuildManifest.read(in: site.output))
        manifest.files["link/file.txt"] = "00"
        manifest.files["../precious/file.txt"] = "00"
        try manifest.data().write(to: site.output.appendingPathComponent(BuildManifest.fileName))
        try site.build()
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("file.txt").path))
    }

    @Test func aSlugThatClimbsOutStopsTheBuildAndWritesNothingOutside() throws {
        let site = try SiteFixture()
        let configuration = try #require(site.files.configuration)
        try site.write(
            configuration.replacingOccurrences(of: "issues/{number}/", with: "blog/{year}/{slug}/"), to: "herald.toml")
        try site.build()
        let before = try site.snapshot()
        try site.write(
            "Title: Escape\nDate: 2025-04-16\nSlug: ../../../../escaped\n\nText.\n", to: "content/2025-04-16-escape.md")
        let error = #expect(throws: HeraldError.self) { try site.build() }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .unsafePath)
        #expect(problem.location?.line == 3)
        #expect(try site.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("escaped").path))
    }

    @Test func theNextBuildFinishesACommitAKilledBuildLeft() throws {
        let site = try SiteFixture()
        try site.build()
        // What a build killed after recording its journal leaves: a staging folder with the new
        // files, a journal naming them, the old site in place.
        let staging = site.root.appendingPathComponent(".site.herald-new-killed")
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("issues/41"), withIntermediateDirectories: true)
        try Data("new 41".utf8).write(to: staging.appendingPathComponent("issues/41/index.html"))
        var manifest = try #require(BuildManifest.read(in: site.output))
        manifest.files["issues/41/index.html"] = "new"
        try manifest.data().write(to: staging.appendingPathComponent(BuildManifest.fileName))
        let journal = CommitJournal(
            staging: staging.lastPathComponent, moves: ["issues/41/index.html", BuildManifest.fileName], removals: [])
        try journal.record(for: site.output)
        _ = try OutputWriter(output: site.output, displayPath: "site", protecting: [], outside: [])
        #expect(try site.read("issues/41/index.html") == "new 41")
        #expect(BuildManifest.read(in: site.output)?.files["issues/41/index.html"] == "new")
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(!FileManager.default.fileExists(atPath: CommitJournal.url(for: site.output).path))
        // The build after it remakes the page from its sources, as the manifest's key is not its.
        try site.build()
        #expect(try site.read("issues/41/index.html").contains("<html"))
    }

    @Test func stagingFoldersOfKilledBuildsAreRemoved() throws {
        let site = try SiteFixture()
        try site.build()
        for name in [".site.herald-new-A", ".site.herald-old-B"] {
            let folder = site.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(count: 1024).write(to: folder.appendingPathComponent("page.html"))
        }
        let unrelated = site.root.appendingPathComponent(".other.herald-new-C")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        try site.build()
        let hidden = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(hidden == [".other.herald-new-C"])
    }
}
