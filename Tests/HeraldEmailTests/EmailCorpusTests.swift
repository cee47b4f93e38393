import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldEmail

/// The email edition of the real This Week in Rust archive (`../shared`, or `HERALD_SHARED`);
/// skipped without it, except in CI (`CI` set), where it fails.
@Suite(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
struct EmailCorpusTests {
    @Test func every2024IssueStaysUnderGmailsClippingSize() throws {
        let corpus = try #require(
            SharedFolder.twirCorpus, "the TWiR corpus is missing: set HERALD_SHARED or put shared/ beside the package")
        let newsletter = try NewsletterFolder(at: corpus)
        let renderer = try EmailRenderer(newsletter: newsletter)
        let issues = newsletter.issues.filter { $0.metadata.date.year == 2024 }
        #expect(issues.count >= 52)
        var largest: (path: String, bytes: Int) = ("", 0)
        for issue in issues {
            let edition = try renderer.render(issue)
            #expect(!edition.size.isClipped, "\(issue.path): \(EmailSize.kilobytes(edition.size.bytes))")
            #expect(edition.warnings.isEmpty)
            let entity = edition.text.range(of: "&(amp|lt|gt|quot|nbsp);|&#[0-9x]", options: .regularExpression)
            #expect(entity == nil, "\(issue.path): an HTML entity in the plain text")
            // Editors' empty links (`[text]()`) stay empty; everything else has a scheme.
            for value in EmailFixture.attributeValues(in: edition.html) where !value.isEmpty && value != "*|UNSUB|*" {
                #expect(URL(string: value)?.scheme != nil, "\(issue.path): '\(value)' is not absolute")
            }
            let page = URL(string: newsletter.configuration.site.url(of: issue.metadata))
            for destination in EmailFixture.destinations(in: issue) {
                let absolute = URL(string: destination, relativeTo: page)?.absoluteString ?? destination
                #expect(edition.text.contains(absolute), "\(issue.path): \(absolute) is missing from the plain text")
            }
            if edition.size.bytes > largest.bytes { largest = (issue.path, edition.size.bytes) }
        }
        print("largest 2024 email: \(largest.path), \(EmailSize.kilobytes(largest.bytes)) (\(largest.bytes) bytes)")
    }

    @Test func issue533WritesThreeFilesAndTheMessageParses() throws {
        let corpus = try #require(SharedFolder.twirCorpus)
        let newsletter = try NewsletterFolder(at: corpus)
        let issue = try #require(newsletter.issue(numbered: 533))
        let edition = try EmailRenderer(newsletter: newsletter).render(issue)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-533-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try edition.write(into: folder, for: issue)
        #expect(written.map(\.url.lastPathComponent) == ["533.html", "533.txt", "533.eml"])

        let message = try MIMEParser.parse(edition.message)
        #expect(message.defects.isEmpty)
        #expect(message.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(message.headers["Subject"] == "This Week in Rust 533")
        #expect(message.headers["Date"] == "Wed, 07 Feb 2024 00:00:00 -0500")
        #expect(edition.message.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(edition.html.contains("https://this-week-in-rust.org/blog/2024/02/07/this-week-in-rust-533/"))

        let page = URL(string: newsletter.configuration.site.url(of: issue.metadata))
        for destination in EmailFixture.destinations(in: issue) {
            let absolute = URL(string: destination, relativeTo: page)?.absoluteString ?? destination
            #expect(edition.text.contains(absolute), "\(absolute)")
        }
    }
}
