/// Everything `herald.toml` can say about a newsletter, with This Week in Rust's practice as
/// the default for every key.
///
/// A TWiR checkout has no `herald.toml` and must work as is, so ``twir`` — the value of an
/// empty file — reproduces TWiR exactly: its site, its `content/` and `draft/` folders, its
/// Wednesday cadence, its URL pattern and its section names. Other newsletters change only the
/// keys that differ. Every key is listed in `docs/configuration.md`.
public struct NewsletterConfiguration: Hashable, Sendable {
    public var site: Site
    public var paths: Paths
    public var schedule: Schedule
    public var drafts: Drafts
    public var events: Events
    /// The `[content]` table: which files are issues and where their metadata comes from.
    public var content = Content()
    /// Which section headings mean which kind of section: the `[sections]` table first,
    /// then This Week in Rust's names.
    public var sections: SectionCatalog
    /// The `[build]` table: what `herald build` writes besides the issue pages.
    public var build = Build()
    /// The `[email]` table: the headers and footer of `herald email`'s edition.
    public var email = Email()
    /// The `[gather]` table: the feeds, GitHub queries and forum topics `herald gather` reads.
    public var gather = Gather()
    /// The `[workflow]` table: the markers `herald publish` reads and `herald submit`'s default section.
    public var workflow = Workflow()
    /// The `[check]` table: what `herald check` accepts, rule severities and section policies.
    public var check = Check()
    /// The `[markdown]` table: heading ids where Markdown generators differ.
    public var markdown = Markdown()
    /// The `[feeds]` table: how feed entries are identified.
    public var feeds = Feeds()
    /// The `[search]` table: the language the archive search reads words in.
    public var search = Search()
    /// The `[list]` table: where `herald list` keeps the mailing list's subscribers.
    public var list = List()
    /// The `[send]` table: relays, rate and signing for `herald send`.
    public var send = Send()
    /// The `[labels]` table: the newsletter's own wording of page and email labels (see ``labels``).
    public var labelOverrides: [SiteLabels.Key: String] = [:]

    public init(
        site: Site = Site(),
        paths: Paths = Paths(),
        schedule: Schedule = Schedule(),
        drafts: Drafts = Drafts(),
        events: Events = Events(),
        sections: SectionCatalog = .twir
    ) {
        self.site = site
        self.paths = paths
        self.schedule = schedule
        self.drafts = drafts
        self.events = events
        self.sections = sections
    }

    /// The configuration of a folder without `herald.toml`: This Week in Rust's, a site that moves
    /// from Pelican, so its addresses, feed ids and heading ids stay as readers know them. (With a
    /// `herald.toml`, `[site] legacy = "pelican"` says so.)
    public static let twir: NewsletterConfiguration = {
        var configuration = NewsletterConfiguration()
        configuration.site.legacy = .pelican
        return configuration
    }()

    /// The file name Herald looks for at a newsletter folder's root.
    public static let fileName = "herald.toml"
}
