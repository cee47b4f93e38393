import Foundation
import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldSite

/// The output folder is replaced only by a complete build, and nothing else is ever at risk.
@Suite struct SafeOutputTests {
    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try SiteFixture()
        try site.build()
        let before = try site.snapshot()
        try site.write("<p>{{#issue}}{{title}}</p>\n", to: "theme/issue.mustache")
        let error = #expect(throws: HeraldError.self) { try site.build() }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .invalidTemplate)
        #expect(problem.file?.hasSuffix("theme/issue.mustache") == true)
        #expect(problem.location != nil)
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary folders left behind: \(leftovers)")
    }

    @Test func badMetadataStopsTheBuildWithItsLine() throws {
        let site = try SiteFixture()
        try site.build()
        let before = try site.snapshot()
        try site.write("Title: Broken\nDate: 2025-13-45\n\nText.\n", to: "content/2025-04-16-broken.md")
        let error = #expect(throws: HeraldError.self) { try site.build() }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .invalidDate)
        #expect(problem.location?.line == 2)
        #expect(try site.snapshot() == before)
    }

    @Test func twoIssuesAtOneAddressAreRefused() throws {
        let site = try SiteFixture()
        try site.write("Title: Again\nNumber: 47\nDate: 2025-04-23\n\nText.\n", to: "content/2025-04-23-again.md")
        let folder = try NewsletterFolder(at: site.newsletter)
        var configuration = folder.configuration
        configuration.site.articleURL = try PathPattern("issues/{year}/")
        let error = #expect(throws: HeraldError.self) {
            try SiteBuilder(
                newsletter: try NewsletterFolder(at: site.newsletter, configuration: configuration),
                options: BuildOptions(output: site.output)
            ).build()
        }
        #expect(error?.problems.contains { $0.code == .duplicateURL } == true)
        #expect(!site.exists("index.html"))
    }

    @Test(arguments: ["", "content", ".", "content/site", "draft/preview"])
    func anOutputHoldingTheNewsletterIsRefused(relative: String) throws {
        let site = try SiteFixture()
        let output = relative.isEmpty ? site.newsletter : site.newsletter.appendingPathComponent(relative)
        let folder = try NewsletterFolder(at: site.newsletter)
        let error = #expect(throws: HeraldError.self) {
            try SiteBuilder(newsletter: folder, options: BuildOptions(output: output)).build()
        }
        #expect(error?.problems.first?.code == .unsafeOutput)
        #expect(FileManager.default.fileExists(atPath: site.newsletter.appendingPathComponent("herald.toml").path))
        #expect(
            FileManager.default.fileExists(
                atPath: site.newsletter.appendingPathComponent("content/pages/about.md").path))
    }

    @Test func aFolderHeraldDidNotWriteIsRefused() throws {
        let site = try SiteFixture()
        let precious = site.output.appendingPathComponent("precious.txt")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: precious)
        let error = #expect(throws: HeraldError.self) { try site.build() }
        #expect(error?.problems.first?.code == .unsafeOutput)
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
    }
}
