import Foundation
import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldEmail

/// A control character in a configured or issue value must never add a header to the `.eml`.
@Suite("Mail headers refuse control characters")
struct HeaderInjectionTests {
    let newsletter: NewsletterFolder
    let issue: IssueFile

    init() throws {
        newsletter = try NewsletterFolder(at: EmailFixture.quill)
        issue = try #require(newsletter.issues.last)
    }

    /// Every way of breaking a line, including CRLF (one `Character` in Swift) and a lone CR.
    static let breaks = ["\r\n", "\n", "\r", "\u{0}", "\u{85}", "\u{2028}", "\u{2029}", "\u{B}"]

    func render(_ change: (inout NewsletterConfiguration) -> Void) throws(HeraldError) -> EmailEdition {
        var configuration = newsletter.configuration
        change(&configuration)
        return try EmailRenderer(configuration: configuration, themeFolder: nil).render(issue)
    }

    @Test(
        "[email] to, from, unsubscribe_url and [site] title with a line break are refused, naming the key",
        arguments: breaks)
    func configuredValues(lineBreak: String) throws {
        let cases: [(String, (inout NewsletterConfiguration) -> Void)] = [
            ("[email] to", { $0.email.to = "list@example.org\(lineBreak)Bcc: victim@example.org" }),
            ("[email] from", { $0.email.from = "Quill <q@example.org>\(lineBreak)Bcc: victim@example.org" }),
            (
                "[email] unsubscribe_url",
                { $0.email.unsubscribeURL = "https://q.example/u\(lineBreak)Bcc: victim@example.org" }
            ),
            ("[site] title", { $0.site.title = "Quill\(lineBreak)Bcc: victim@example.org" }),
        ]
        for (key, change) in cases {
            let error = #expect(throws: HeraldError.self, "\(key) with \(lineBreak.debugDescription)") {
                try render(change)
            }
            #expect(error?.problems.first?.file == NewsletterConfiguration.fileName)
            #expect(error?.problems.first?.message.contains(key) == true, "\(String(describing: error))")
        }
    }

    @Test("a lone CR in an issue's Slug (used in the Message-ID) is refused, naming the file and line")
    func slugInMessageID() throws {
        let text = "Title: No number here\nSlug: issue\rBcc: victim@example.org\nDate: 2025-04-02\n\nBody.\n"
        let file = try IssueFile(path: "content/odd.md", text: text)
        #expect(file.metadata.number == nil)
        let error = #expect(throws: HeraldError.self) {
            try EmailRenderer(configuration: newsletter.configuration, themeFolder: nil).render(file)
        }
        #expect(error?.problems.first?.file == "content/odd.md")
        #expect(error?.problems.first?.location?.line == 2)
    }

    @Test("every header line the writer makes is free of control characters but its own folds")
    func foldsAreTheOnlyBreaks() throws {
        let edition = try render {
            $0.email.subject = try! PathPattern(
                "{site} — {title} — " + String(repeating: "é", count: 80),
                allowed: NewsletterConfiguration.Email.subjectPlaceholders)
        }
        let head = try #require(edition.message.components(separatedBy: "\r\n\r\n").first)
        let fields = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }
        #expect(
            fields.map { String($0.prefix { $0 != ":" }) } == [
                "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
            ])
        #expect(!head.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "")
        #expect(!unfolded.contains("\r"))
    }
}
