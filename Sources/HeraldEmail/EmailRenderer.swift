public import Foundation
public import HeraldCore
import HeraldMarkdown
import HeraldSite

/// Makes an issue's email edition: the HTML, the plain text and the `.eml` message.
///
/// Like the web build, it starts from the issue's Markdown and the newsletter's theme, so the
/// email and the web page say the same thing and are styled from one place; unlike a web page,
/// everything the email needs travels inside it: inline styles, absolute links.
public struct EmailRenderer: Sendable {
    public let configuration: NewsletterConfiguration
    private let theme: Theme
    private let timeZone: TimeZone

    /// - Parameters:
    ///   - themeFolder: the newsletter's `theme/` folder; its `email.mustache` replaces the
    ///     built-in template. It need not exist.
    ///   - displayFolder: how `themeFolder` is named in problems.
    /// - Throws: ``HeraldError`` when a template in `themeFolder` does not parse.
    public init(configuration: NewsletterConfiguration, themeFolder: URL?, displayFolder: String = "theme")
        throws(HeraldError)
    {
        self.configuration = configuration
        self.theme = try Theme(
            overridesIn: themeFolder, displayFolder: displayFolder,
            extraTemplates: [EmailTemplate.name: EmailTemplate.source])
        self.timeZone = TimeZone(identifier: configuration.site.timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// The renderer for a newsletter folder, with the overrides in its `theme/` folder.
    public init(newsletter: NewsletterFolder) throws(HeraldError) {
        try self.init(
            configuration: newsletter.configuration, themeFolder: newsletter.buildInputs.theme,
            displayFolder: newsletter.themeDisplayPath)
    }

    /// The three renderings of `issue`, and a warning when Gmail would clip its HTML.
    ///
    /// - Throws: ``HeraldError`` when a header value (from `herald.toml` or the issue's header)
    ///   holds a control character that would break the message's header.
    public func render(_ issue: IssueFile) throws(HeraldError) -> EmailEdition {
        let metadata = issue.metadata
        let pageURL = configuration.site.url(of: metadata)
        let document = ParsedIssue(issue, catalog: configuration.sections).document()
        let body = styledBody(of: document, pageURL: pageURL)
        let date = FeedDate(metadata.date, time: metadata.time, timeZone: timeZone)
        let html = theme.render(
            EmailTemplate.name, context: templateContext(of: issue, body: body, document: document, date: date))
        let text = plainText(of: issue, document: document, date: date)
        let size = EmailSize(html: html, body: body)
        let message = try MIMEMessage(headers: headers(of: issue, date: date), plainText: text, html: html)
        var warnings: [Problem] = []
        if size.isClipped {
            let largest = size.sections.prefix(3).map { "'\($0.heading)' (\(EmailSize.kilobytes($0.bytes)))" }
            warnings.append(
                Problem(
                    .emailTooLarge, severity: .warning, file: issue.path,
                    location: SourceLocation(line: metadata.lines["title"] ?? 1, column: 1),
                    message: "the email's HTML is \(EmailSize.kilobytes(size.bytes)), over the "
                        + "\(EmailSize.kilobytes(EmailSize.gmailClippingLimit)) at which Gmail clips it; the largest "
                        + "sections are \(largest.joined(separator: ", "))",
                    fix: "shorten those sections or link to the web page for them"))
        }
        return EmailEdition(
            number: metadata.number, html: html, text: text, message: message.rendered, size: size, warnings: warnings)
    }

    /// The issue's body as email HTML: headings below the title as on the web page, links
    /// absolute, every element styled inline.
    private func styledBody(of document: MarkdownDocument, pageURL: String) -> String {
        var bytes = HTMLRenderer().renderBytes(document)
        BodyRenderer.arrangeOutline(of: &bytes, renderedFrom: document)
        let absolute = BodyRenderer.absolutizingLinks(in: String(decoding: bytes, as: UTF8.self), pageURL: pageURL)
        return InlineStyles.applying(to: absolute)
    }

    private func templateContext(
        of issue: IssueFile, body: String, document: MarkdownDocument, date: FeedDate
    ) -> [String: Any] {
        let metadata = issue.metadata
        var values: [String: Any] = [
            "title": metadata.title, "date": metadata.date.description,
            "dateText": date.readable(in: configuration.site.language),
            "url": configuration.site.url(of: metadata),
        ]
        if let number = metadata.number { values["number"] = number }
        var context: [String: Any] = [
            "site": [
                "title": configuration.site.title, "language": configuration.site.language,
                "baseURL": configuration.site.baseURL,
            ],
            "issue": values,
            "content": body,
            "preheader": preheader(of: issue, document: document),
            "unsubscribeURL": unsubscribeLink,
            "labels": labels.all(filling: labelValues(of: metadata)),
        ]
        if let address = configuration.email.postalAddress { context["postalAddress"] = address }
        return context
    }

    private var labels: SiteLabels { configuration.labels }

    /// What the labels' placeholders stand for in `metadata`'s edition.
    private func labelValues(of metadata: IssueMetadata) -> [String: String] {
        var values = ["title": configuration.site.title]
        if let number = metadata.number { values["number"] = String(number) }
        return values
    }

    /// Where the footer's unsubscribe link points: the configured URL, else the service's merge tag.
    private var unsubscribeLink: String {
        configuration.email.unsubscribeURL ?? configuration.email.unsubscribePlaceholder
    }

    /// The line inbox lists show after the subject: the issue's summary, or its first paragraph.
    private func preheader(of issue: IssueFile, document: MarkdownDocument) -> String {
        let text =
            issue.metadata.summary
            ?? document.root.children.first(where: { $0.kind == .paragraph })?.plainText ?? issue.metadata.title
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var preheader = ""
        for word in words {
            if preheader.count + word.count + 1 > 150 { return preheader + "…" }
            preheader += (preheader.isEmpty ? "" : " ") + word
        }
        return preheader
    }

    private func plainText(of issue: IssueFile, document: MarkdownDocument, date: FeedDate) -> String {
        let metadata = issue.metadata
        let pageURL = configuration.site.url(of: metadata)
        let page = URL(string: pageURL)
        var renderer = PlainTextRenderer { URL(string: $0, relativeTo: page)?.absoluteString ?? $0 }
        var lines = [configuration.site.title, metadata.title]
        let values = labelValues(of: metadata)
        let number = metadata.number.map { _ in labels.text(.issueNumber, values) + " · " }
        lines.append((number ?? "") + date.readable(in: configuration.site.language))
        lines += ["\(labels[.viewInBrowser]): \(pageURL)", "", ""]
        lines += renderer.lines(of: document)
        if !renderer.references.isEmpty {
            let heading = labels[.links]
            lines += ["", "", heading, String(repeating: "-", count: TextWrapping.columns(of: heading)), ""]
            lines += renderer.referenceLines
        }
        lines += ["", "", "-- ", labels.text(.whySubscribed, values)]
        lines.append("\(labels[.unsubscribe]): \(unsubscribeLink)")
        if let address = configuration.email.postalAddress { lines += TextWrapping.wrap(address, width: 72) }
        return lines.joined(separator: "\n") + "\n"
    }
}
