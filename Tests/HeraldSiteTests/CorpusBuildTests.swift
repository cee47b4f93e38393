import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldSite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Builds the whole This Week in Rust archive with no configuration, as a TWiR checkout would be
/// built. The corpus lives outside the package (`../shared`, or `HERALD_SHARED`); without it this
/// test is skipped, except in CI (`CI` set), where it fails.
@Suite(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
struct CorpusBuildTests {
    @Test func theArchiveBuildsAtTWiRsAddresses() throws {
        let corpus = try #require(
            SharedFolder.twirCorpus, "the TWiR corpus is missing: set HERALD_SHARED or put shared/ beside the package")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("herald-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let newsletter = try NewsletterFolder(at: corpus)
        #expect(newsletter.configuration == .twir, "the corpus has no herald.toml")
        let report = try SiteBuilder(newsletter: newsletter, options: BuildOptions(output: output, insights: true))
            .build()
        #expect(report.issueCount == newsletter.issues.count)
        #expect(report.issueCount > 600)
        #expect(
            FileManager.default.fileExists(
                atPath: output.appendingPathComponent("blog/2024/02/07/this-week-in-rust-533/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("pages/privacy-policy.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("images/logo400.png").path))

        let archive = try String(contentsOf: output.appendingPathComponent("archive/index.html"), encoding: .utf8)
        let links = LinkChecker.links(in: archive)
        for issue in newsletter.issues {
            let link = "/" + issue.metadata.pathForTest
            #expect(links.contains(link), "the archive does not list \(issue.path)")
        }

        // Links written by editors that lead nowhere ("[Euro Rust](eurorust)", "REDDIT_LINK_HERE",
        // an href without its https://) are in the sources as they are; every other internal link
        // must resolve.
        let sources = try newsletter.issues.map { try String(contentsOfFile: $0.path, encoding: .utf8) }.joined()
        let broken = try LinkChecker(output: output).brokenLinks().filter { !sources.contains($0.link) }
        #expect(broken.isEmpty, "\(broken.prefix(20))")

        for feed in ["atom.xml", "rss.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: output.appendingPathComponent(feed)))
            #expect(parser.parse(), "\(feed) does not parse: \(String(describing: parser.parserError))")
        }
        _ = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("feed.json")))

        // As Pelican published them: Python-Markdown's heading ids, `misc` for the file without a
        // category (issue 604's `Category:` follows a blank line, so it is body text), and each
        // issue's sections above their subsections in both styles of the archive.
        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path + "index.html"), encoding: .utf8)
        }
        let issue533 = try page("blog/2024/02/07/this-week-in-rust-533/")
        #expect(issue533.contains(#"<h3 id="cfp-projects">CFP - Projects"#))
        #expect(issue533.contains(#"<h4 id="tracking-issues-prs">"#))
        #expect(
            issue533.contains(#"<h2 id="quote-of-the-week">Quote of the Week"#), "a # among ## sections is a section")
        #expect(issue533.contains(#"<h2 id="updates-from-rust-community">"#))
        let issue604 = try page("blog/2025/06/18/this-week-in-rust-604/")
        #expect(issue604.contains(#"href="/categories/misc/""#))
        #expect(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("categories/misc/index.html").path))
        let atom = try String(contentsOf: output.appendingPathComponent("atom.xml"), encoding: .utf8)
        let newest = try #require(newsletter.issues.max { $0.metadata.date < $1.metadata.date })
        let tag = "tag:this-week-in-rust.org,\(newest.metadata.date):/\(newest.metadata.pathForTest)"
        #expect(atom.contains("<id>\(tag)</id>"), "Pelican's entry id for \(newest.path)")
        // Pelican's other addresses: 607 issues make 61 pages of ten on its index.
        for path in [
            "index61.html", "blog/archives/index.html", "feeds/all-en.atom.xml", "author/twir-contributors.html",
            "categories/this-week-in-rust/index2.html", "tags.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index62.html").path))
        let issue2016 = try page("blog/2016/03/28/this-week-in-rust-124/")
        #expect(issue2016.contains(#"<h2 id="updates-from-rust-community">Updates from Rust Community"#))
        #expect(issue2016.contains(#"<h3 id="news-blog-posts">News &amp; Blog Posts"#), "## beneath # is a subsection")
        #expect(issue2016.contains(#"<h2 id="quote-of-the-week">"#))

        // The insight pages: the archive leads to them, and pest's page has both its weeks and
        // the other issues linking to it (its old repository, pest.rs, its discussions).
        #expect(try page("archive/").contains(#"href="/insights/""#))
        let pest = try String(contentsOf: output.appendingPathComponent("insights/crates/pest.html"), encoding: .utf8)
        let weeks = try #require(pest.range(of: #"<h2 id="mentions">"#)).lowerBound
        for issue in ["2017/08/22/this-week-in-rust-196", "2018/10/09/this-week-in-rust-255"] {
            #expect(pest[..<weeks].contains(#"href="/blog/\#(issue)/""#), "\(issue) as Crate of the Week")
        }
        for issue in [
            "2016/05/23/this-week-in-rust-131", "2017/08/22/this-week-in-rust-196", "2018/10/09/this-week-in-rust-255",
            "2022/06/29/this-week-in-rust-449", "2022/07/27/this-week-in-rust-453", "2022/11/30/this-week-in-rust-471",
        ] {
            #expect(pest[weeks...].contains(#"href="/blog/\#(issue)/""#), "\(issue) links to pest")
        }
        #expect(pest.contains("<svg class=\"sparkline\""))
    }
}

extension IssueMetadata {
    /// TWiR's address of the issue, as Pelican wrote it.
    fileprivate var pathForTest: String {
        "blog/\(date.year)/\(date.month < 10 ? "0" : "")\(date.month)/\(date.day < 10 ? "0" : "")\(date.day)/\(slug)/"
    }
}
