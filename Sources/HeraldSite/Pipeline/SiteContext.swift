import Foundation
import HeraldCore
import HeraldMarkdown

/// Everything the build's steps share once the newsletter is read: the issues to publish, the
/// pages, the theme, how addresses are made, and the key every cached page starts from.
///
/// Like Publish's `PublishingContext`, it is made once per build and read by every step.
struct SiteContext: Sendable {
    let configuration: NewsletterConfiguration
    let links: SiteLinks
    let theme: Theme
    /// Every issue that gets a page (drafts only with `--drafts`), oldest first.
    let issues: [SiteIssue]
    /// The issues lists show: all but hidden ones, oldest first.
    let listed: [SiteIssue]
    /// The issues feeds, the sitemap and the calendar carry: listed and not drafts, oldest first.
    let published: [SiteIssue]
    let pages: [StandalonePage]
    let timeZone: TimeZone
    /// Folders whose files are copied as they are: output folder name → source folder.
    let staticFolders: [(name: String, source: URL)]
    /// What every page depends on: theme, configuration, options, the site's navigation.
    let siteKey: StableHash
    /// How pages rewrite their links for a site opened from the disk, when asked to.
    let relativeLinks: RelativeLinks?
    /// Whether the site has the insight pages and the issue notes linking to them.
    let buildsInsights: Bool
    /// Every label in the site's language with `{title}` filled in, made once for all the pages.
    let labels: [String: String]
    /// Renders issue and page bodies with the site's heading ids.
    let bodyRenderer: BodyRenderer
    let bodies = BuildMemo<String>()
    /// Feed bodies (links absolute, heading anchors out): the newest issues are in the site's
    /// three feeds and their category's two, and are rewritten once, not five times.
    let feedBodies = BuildMemo<SplicedText>()
    /// What each published issue adds to the insights, by output path.
    private let contributions = BuildMemo<IssueInsights>()

    init(
        configuration: NewsletterConfiguration, options: BuildOptions, theme: Theme, issues: [SiteIssue],
        pages: [StandalonePage], staticFolders: [(name: String, source: URL)]
    ) {
        self.configuration = configuration
        self.links = SiteLinks(baseURL: options.baseURL ?? configuration.site.baseURL)
        self.bodyRenderer = BodyRenderer(headingIDStyle: configuration.headingIDStyle)
        self.theme = theme
        self.issues = issues
        self.listed = issues.filter { !$0.isHidden }
        self.published = listed.filter { !$0.isDraft }
        self.pages = pages
        self.timeZone = TimeZone(identifier: configuration.site.timeZone) ?? TimeZone(identifier: "UTC")!
        self.staticFolders = staticFolders
        self.buildsInsights = options.insights ?? configuration.build.insights
        self.labels = configuration.labels.all(filling: ["title": configuration.site.title])
        var key = StableHash("herald-site-2", links.baseURL)
        key.combine(configuration.siteFingerprint)
        key.combine(options.includeDrafts)
        key.combine(options.relativeURLs)
        key.combine(buildsInsights)
        self.relativeLinks = options.relativeURLs ? RelativeLinks(basePath: links.basePath) : nil
        key.combine(theme.fingerprint)
        for page in pages {
            key.combine(page.title)
            key.combine(page.outputPath)
        }
        self.siteKey = key
    }

    /// The newest issue lists show (a draft, with `--drafts`), if any.
    var newest: SiteIssue? { listed.last }

    /// Whether an issue read so far is outsized (``FileSplitting/isOutsized(lineCount:)``).
    var hasOutsizedIssue: Bool {
        issues.contains { $0.parsed.keptReading?.issue.isOutsized == true }
    }

    /// Whether an issue's file is of ``largeIssueSize`` or more, known before any is read: its
    /// tree, its page and its search entries each take many times its size.
    var hasLargeIssue: Bool {
        issues.contains { $0.file.text.utf8.count >= SiteContext.largeIssueSize }
    }

    /// Far beyond a real issue: This Week in Rust's longest is 41 KB.
    static let largeIssueSize = 1 << 20

    /// The issue's body HTML, rendered once per build however many pages show it, from the parse
    /// that also reads its model (which the search index needs anyway).
    func body(of issue: SiteIssue) -> String {
        bodies.value(for: issue.outputPath) {
            bodyRenderer.render(document: issue.parsed.parse().document, firstLine: issue.file.bodyStartLine)
        }
    }

    /// The issue's typed model, from the same parse that renders its body, which is kept for the
    /// pages: a build that needs every issue's model (the search index) then parses each issue
    /// once, not twice. `readDocument` reads the parsed document too, before the body is rendered.
    ///
    /// One step after another, and the tree let go before the body's last step (its entry ids
    /// and anchors written in, a copy of the whole HTML): a 50 MB issue's body rendered beside
    /// the model's reading held the tree, the model, the HTML and that copy at once, the peak
    /// of its build (571 MiB).
    func model(of issue: SiteIssue, readingDocument readDocument: (MarkdownDocument) -> Void = { _ in }) -> Issue {
        let handoff: DocumentHandoff
        let model: Issue
        do {
            let (document, reading) = issue.parsed.parse()
            readDocument(document)
            handoff = DocumentHandoff(document)
            model = reading.issue
        }
        let (bodyRenderer, firstLine) = (bodyRenderer, issue.file.bodyStartLine)
        _ = bodies.value(for: issue.outputPath) { bodyRenderer.render(taking: handoff, firstLine: firstLine) }
        return model
    }

    /// The issue's typed model, read once per run whichever of the search index, the insights
    /// and the calendar asks first (``ParsedIssue``).
    func issueModel(of issue: SiteIssue) -> Issue {
        issue.parsed.keptReading?.issue ?? model(of: issue)
    }

    /// What a published issue adds to the insights, read once for the insight pages and the
    /// note on its own page.
    func insightContribution(of issue: SiteIssue) -> IssueInsights {
        contributions.value(for: issue.outputPath) {
            IssueInsights(reference: InsightsBuilder.reference(to: issue), issue: issueModel(of: issue))
        }
    }

    /// The feed date of an issue in the configured time zone.
    func feedDate(of issue: SiteIssue) -> FeedDate {
        FeedDate(issue.metadata.date, time: issue.metadata.time, timeZone: timeZone)
    }

    /// A key for a page that shows these issues' list entries.
    func listingKey(_ name: String, _ issues: some Sequence<SiteIssue>) -> StableHash {
        var key = siteKey
        key.combine(name)
        for issue in issues { key.combine(issue.listingHash) }
        return key
    }

    /// A key for a page that shows these issues in full.
    func contentKey(_ name: String, _ issues: some Sequence<SiteIssue>) -> StableHash {
        var key = siteKey
        key.combine(name)
        for issue in issues {
            key.combine(issue.listingHash)
            key.combine(issue.sourceHash)
        }
        return key
    }
}

/// Values made once per build and shared between its tasks, by key: an issue's rendered body
/// (the newest issue is on its own page, the home page, `latest/` and every feed) or what it
/// adds to the insights (its page's note and the insight pages both read it).
///
/// Each key is made once even when several tasks ask at the same moment: the site's feeds are
/// written side by side and all start with the newest issue, and making its body twice at once
/// held two copies of a 50 MB issue's feed body. Tasks asking for other keys do not wait.
final class BuildMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String: Slot] = [:]

    func value(for key: String, make: () -> Value) -> Value {
        let slot = lock.withLock {
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.lock.withLock {
            if let value = slot.value { return value }
            let value = make()
            slot.value = value
            return value
        }
    }

    /// One key's value, made under its own lock.
    private final class Slot {
        let lock = NSLock()
        var value: Value?
    }
}
