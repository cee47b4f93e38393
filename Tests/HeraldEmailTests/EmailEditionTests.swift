import Foundation
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldEmail

/// The email edition of *This Week in Quill*'s newest issue, checked as mail software reads it.
struct EmailEditionTests {
    let newsletter: NewsletterFolder
    let issue: IssueFile
    let edition: EmailEdition

    init() throws {
        newsletter = try NewsletterFolder(at: EmailFixture.quill)
        issue = try #require(newsletter.issues.last)
        edition = try EmailRenderer(newsletter: newsletter).render(issue)
    }

    @Test func writesTheThreeFilesNamedAfterTheIssue() throws {
        let scratch = try Newsletter()
        let folder = scratch.url("mail")
        let written = try edition.write(into: folder, for: issue)
        #expect(written.map(\.url.lastPathComponent) == ["44.html", "44.txt", "44.eml"])
        for (url, bytes) in written {
            #expect(try Data(contentsOf: url).count == bytes)
        }
        // Written again, the files are replaced.
        #expect(try edition.write(into: folder, for: issue).count == 3)
    }

    @Test func aSlugThatClimbsOutOfTheOutputFolderIsRefused() throws {
        let scratch = try Newsletter()
        let folder = scratch.url("out")
        let special = try IssueFile(
            path: "content/special.md", text: "Title: Special\nDate: 2025-06-04\nSlug: ../escaped\n\nHello.\n")
        let edition = try EmailRenderer(newsletter: newsletter).render(special)
        let error = #expect(throws: HeraldError.self) { try edition.write(into: folder, for: special) }
        #expect(error?.problems.first?.location?.line == 3)
        #expect(!scratch.exists("escaped.eml"))
    }

    @Test func theHTMLIsSelfContainedWithAbsoluteLinks() {
        let html = edition.html
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<link"))
        #expect(html.components(separatedBy: "<style").count == 2, "one <style> block, for dark mode and small screens")
        #expect(html.contains("width=\"660\""))
        let placeholder = newsletter.configuration.email.unsubscribePlaceholder
        for value in EmailFixture.attributeValues(in: html) where value != placeholder {
            #expect(value.hasPrefix("https://") || value.hasPrefix("http://") || value.hasPrefix("mailto:"), "\(value)")
        }
        #expect(html.contains("href=\"https://this-week-in-quill.example/issues/44/\""), "the view-in-browser link")
        #expect(html.contains("href=\"*|UNSUB|*\""))
        #expect(html.contains("This Week in Quill 44"))
        #expect(html.contains("26 March 2025"))
        #expect(html.contains("display:none"), "the hidden preheader")
    }

    @Test func everyBodyElementIsStyledInline() {
        let body = edition.html[edition.html.range(of: "</style>")!.upperBound...]
        for tag in ["<p>", "<h2>", "<h3>", "<ul>", "<li>", "<blockquote>"] {
            #expect(!body.contains(tag), "\(tag) without a style")
        }
        for link in body.components(separatedBy: "<a ").dropFirst() {
            #expect(link.prefix { $0 != ">" }.contains("style="), "<a \(link.prefix(80)) without a style")
        }
        #expect(body.contains("<h2 style="))
    }

    @Test func imagesGetAWidthAndAltText() {
        let html = InlineStyles.applying(to: "<p><img src=\"https://x.example/a.png\" /></p>")
        #expect(html.contains("width=\"\(InlineStyles.contentWidth)\""))
        #expect(html.contains("alt=\"\""))
        #expect(html.contains("max-width:100%"))
    }

    @Test func thePlainTextKeepsEveryLinkAndReadsAsText() throws {
        let text = edition.text
        let page = URL(string: newsletter.configuration.site.url(of: issue.metadata))
        for destination in EmailFixture.destinations(in: issue) {
            let absolute = URL(string: destination, relativeTo: page)?.absoluteString ?? destination
            #expect(text.contains(absolute), "\(absolute) is missing from the plain text")
        }
        for line in text.split(separator: "\n") where !line.contains("://") && !line.hasPrefix("    ") {
            #expect(line.count <= 72, "\(line)")
        }
        #expect(!text.contains("&amp;") && !text.contains("&lt;") && !text.contains("&#"))
        #expect(!text.contains("<a ") && !text.contains("<p>"))
        #expect(text.contains("Updates from the Quill Community\n================================"))
        #expect(text.contains("\n* "), "list items are marked")
        #expect(text.contains("\n[1] https://"), "references are numbered")
    }

    @Test func theMessageParsesWithBothPartsInQuotedPrintableUTF8() throws {
        let raw = edition.message
        for line in raw.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 998)
            #expect(!line.contains("\n"), "every line ends in CRLF")
        }
        let message = try MIMEParser.parse(raw)
        #expect(message.defects.isEmpty, "\(message.defects)")
        #expect(message.isMultipart)
        #expect(message.contentType == "multipart/alternative")
        #expect(message.parts.map(\.contentType) == ["text/plain", "text/html"])
        for part in message.parts {
            #expect(part.charset == "utf-8")
            #expect(part.encoding == "quoted-printable")
        }
        #expect(message.parts[0].text.replacingOccurrences(of: "\r\n", with: "\n") == edition.text)
        #expect(message.parts[1].text.replacingOccurrences(of: "\r\n", with: "\n") == edition.html)
        #expect(message.headers["Subject"] == "This Week in Quill 44")
        #expect(message.headers["From"] == "This Week in Quill <newsletter@this-week-in-quill.example>")
        #expect(message.headers["To"] == "undisclosed-recipients:;")
        #expect(message.headers["Date"] == "Wed, 26 Mar 2025 00:00:00 +0000")
        #expect(message.headers["Message-ID"] == "<herald.44.2025-03-26@this-week-in-quill.example>")
        #expect(message.headers["MIME-Version"] == "1.0")
        #expect(message.headers["List-Unsubscribe"] == nil, "no unsubscribe URL is configured")
    }

    @Test func aNonASCIISubjectIsEncodedAndAnUnsubscribeURLAddsOneClickHeaders() throws {
        var configuration = newsletter.configuration
        configuration.email.subject = try PathPattern(
            "{site} n.º {number} — {title}", allowed: NewsletterConfiguration.Email.subjectPlaceholders)
        configuration.email.unsubscribeURL = "https://this-week-in-quill.example/unsubscribe?list=weekly"
        configuration.email.from = "Équipe Quill <editors@this-week-in-quill.example>"
        configuration.email.postalAddress = "Rua das Penas 12, 1100-001 Lisboa, Portugal"
        var french = issue
        french.metadata.title = "Cette semaine en Quill : l’été arrive, ça déménage"
        let edition = try EmailRenderer(configuration: configuration, themeFolder: nil).render(french)

        #expect(edition.message.contains("Subject: =?UTF-8?B?"))
        let headerBlock = edition.message.components(separatedBy: "\r\n\r\n")[0]
        #expect(headerBlock.utf8.allSatisfy { $0 < 0x80 }, "headers are 7-bit")
        let message = try MIMEParser.parse(edition.message)
        #expect(message.defects.isEmpty)
        #expect(
            message.headers["Subject"]
                == "This Week in Quill n.º 44 — Cette semaine en Quill : l’été arrive, ça déménage")
        #expect(message.headers["From"] == "Équipe Quill <editors@this-week-in-quill.example>")
        #expect(message.headers["List-Unsubscribe"] == "<https://this-week-in-quill.example/unsubscribe?list=weekly>")
        #expect(message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(edition.html.contains("href=\"https://this-week-in-quill.example/unsubscribe?list=weekly\""))
        #expect(edition.html.contains("Rua das Penas 12"))
        #expect(edition.text.contains("Rua das Penas 12"))
        #expect(message.parts[0].text.contains("l’été arrive"))
    }

    @Test func aThemeOverridesTheEmailTemplate() throws {
        let themed = try Newsletter(files: [
            "theme/email.mustache": "<p>{{site.title}} {{issue.number}}</p>{{{content}}}"
        ])
        let theme = themed.url("theme")
        let edition = try EmailRenderer(configuration: newsletter.configuration, themeFolder: theme).render(issue)
        #expect(edition.html.hasPrefix("<p>This Week in Quill 44</p><p style="))

        try themed.write("{{#issue}}unclosed", to: "theme/email.mustache")
        #expect(throws: HeraldError.self) {
            try EmailRenderer(configuration: newsletter.configuration, themeFolder: theme)
        }
    }

    @Test func anEmailOverGmailsLimitIsReportedWithItsLargestSections() throws {
        let links = (1...900).map { "* [A long enough link title number \($0)](https://example.org/articles/\($0))" }
        let text = """
            Title: This Week in Quill 99
            Number: 99
            Date: 2025-06-04

            Hello.

            ## Small Section

            Nothing much.

            ## Huge Section

            \(links.joined(separator: "\n"))
            """
        let issue = try IssueFile(path: "content/2025-06-04-this-week-in-quill.md", text: text)
        let edition = try EmailRenderer(configuration: newsletter.configuration, themeFolder: nil).render(issue)
        #expect(edition.size.isClipped)
        #expect(edition.size.sections.first?.heading == "Huge Section")
        let warning = try #require(edition.warnings.first)
        #expect(warning.code == .emailTooLarge)
        #expect(warning.severity == .warning)
        #expect(warning.file == "content/2025-06-04-this-week-in-quill.md")
        #expect(warning.message.contains("'Huge Section'"))
    }

    @Test func quotedPrintableKeepsLinesShortAndRoundTrips() throws {
        let long = String(repeating: "déjà vu = ", count: 40) + "end \n\ttab"
        let encoded = QuotedPrintable.encode(long)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
        }
        #expect(!encoded.contains(" \r\n"), "no trailing space before a line break")
    }

    @Test func theEmailTableIsReadFromHeraldToml() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [email]
                from = "Quill <q@example.org>"
                to = "list@example.org"
                subject = "{site} #{number}"
                unsubscribe_placeholder = "{{unsubscribe}}"
                unsubscribe_url = "https://example.org/u"
                postal_address = "1 Quill Street"
                """)
        #expect(configuration.email.from == "Quill <q@example.org>")
        #expect(configuration.email.to == "list@example.org")
        #expect(configuration.email.subject.rawValue == "{site} #{number}")
        #expect(configuration.email.unsubscribePlaceholder == "{{unsubscribe}}")
        #expect(configuration.email.unsubscribeURL == "https://example.org/u")
        #expect(configuration.email.postalAddress == "1 Quill Street")
        #expect(throws: HeraldError.self) {
            try NewsletterConfiguration(toml: "[email]\nsubject = \"{titel}\"\n")
        }
    }
}

/// A Chinese weekly's edition speaks Chinese around the issue, and `[labels]` rewords any label.
struct LocalizedEmailEditionTests {
    @Test func labelsFollowTheSiteLanguageAndTheLabelsTable() throws {
        let weekly = try Newsletter(files: [
            "herald.toml": "[site]\ntitle = \"锈周刊\"\nlanguage = \"zh-CN\"\n\n[labels]\nunsubscribe = \"不再接收\"\n",
            "content/3.md": "Title: 锈周刊 3\nNumber: 3\nDate: 2025-06-04\n\n阅读[这篇文章](https://example.org/a)。\n",
        ])
        let newsletter = try NewsletterFolder(at: weekly.folder)
        let issue = try #require(newsletter.issues.first)
        let edition = try EmailRenderer(newsletter: newsletter).render(issue)
        let lines = edition.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == "第 3 期 · 2025年6月4日")
        #expect(lines[3].hasPrefix("在浏览器中查看: "))
        #expect(lines.contains("链接"))
        #expect(lines.contains("您收到锈周刊，是因为您订阅了它。"))
        #expect(lines.contains { $0.hasPrefix("不再接收: ") })
        #expect(edition.html.contains(">在浏览器中查看</a>"))
        #expect(edition.html.contains(">不再接收</a>"))
        #expect(!edition.html.contains("View in browser"))
    }
}
