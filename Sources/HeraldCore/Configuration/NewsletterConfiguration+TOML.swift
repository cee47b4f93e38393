public import Foundation
import HeraldMarkdown
import TOMLKit

extension NewsletterConfiguration {
    /// Reads a configuration from `herald.toml` text; absent keys keep TWiR's defaults.
    ///
    /// - Parameter file: the name used in problems, normally the path of the file.
    /// - Throws: ``HeraldError`` listing every problem at once: TOML syntax, unknown keys and
    ///   tables (with the nearest known name), wrong types and invalid values, each with its line.
    public init(toml text: String, file: String = NewsletterConfiguration.fileName) throws(HeraldError) {
        let root = try TOMLTable.reading(text, file: file)
        var reader = ConfigurationTableReader(table: root, path: [], file: file, locator: TOMLKeyLocator(text: text))
        var configuration = NewsletterConfiguration()
        reader.read("site", into: &configuration.site)
        reader.read("paths", into: &configuration.paths)
        reader.read("content", into: &configuration.content)
        reader.read("schedule", into: &configuration.schedule)
        reader.read("drafts", into: &configuration.drafts)
        reader.read("events", into: &configuration.events)
        var sections = SectionsTable()
        reader.read("sections", into: &sections)
        configuration.sections = sections.catalog(forSiteTitled: configuration.site.title)
        reader.read("build", into: &configuration.build)
        reader.read("email", into: &configuration.email)
        reader.read("gather", into: &configuration.gather)
        reader.read("workflow", into: &configuration.workflow)
        reader.read("check", into: &configuration.check)
        reader.read("markdown", into: &configuration.markdown)
        reader.read("feeds", into: &configuration.feeds)
        reader.read("search", into: &configuration.search)
        reader.read("list", into: &configuration.list)
        reader.read("send", into: &configuration.send)
        var labels = LabelsTable()
        reader.read("labels", into: &labels)
        configuration.labelOverrides = labels.overrides
        reader.reportUnknownKeys()
        configuration.content.schedule = configuration.schedule
        // A newsletter that describes its issue files names its drafts the same way, not as TWiR does.
        if let pattern = configuration.content.patterns.first, root["drafts"]?.table?["file_name"] == nil {
            configuration.drafts.fileName = pattern
        }
        guard reader.problems.isEmpty else {
            throw HeraldError(reader.problems.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) })
        }
        self = configuration
    }

    /// The configuration of the newsletter folder at `folder`: its `herald.toml`, or TWiR's
    /// defaults when it has none.
    public static func load(fromFolder folder: URL) throws(HeraldError) -> NewsletterConfiguration {
        let url = folder.appendingPathComponent(fileName)
        let data: Data
        switch ConfigurationFile.read(url) {
        case .missing: return .twir
        case .contents(let contents): data = contents
        case .refused(let message, let fix):
            throw HeraldError(Problem(.unreadable, file: url.path, message: message, fix: fix))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HeraldError(
                Problem(
                    .invalidUTF8, file: url.path, message: "the configuration is not UTF-8", fix: "save it as UTF-8"))
        }
        return try NewsletterConfiguration(toml: text, file: url.path)
    }
}

extension NewsletterConfiguration.Site: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.string("title") { title = value }
        if let value = table.parsed("base_url", describedAs: "an http(s) URL", Self.baseURL) { baseURL = value }
        if let value = table.string("author") { author = value }
        if let value = table.string("language") { language = value }
        if let value = table.parsed("time_zone", describedAs: "an IANA time zone name", Self.timeZone) {
            timeZone = value
        }
        if let value = table.parsed("article_url", describedAs: "a path pattern", Self.pattern) { articleURL = value }
        legacy = table.parsed("legacy", describedAs: "'pelican' or 'none'", Self.legacy) ?? nil
        defaultCategory = table.string("default_category")
        table.reportUnknownKeys()
    }

    private static func baseURL(_ text: String) -> Result<String, Problem> {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
        else {
            return .failure(
                Problem(
                    .invalidValue, message: "base_url '\(text)' is not an http or https URL",
                    fix: "write it like 'https://example.org'"))
        }
        return .success(text.hasSuffix("/") ? String(text.dropLast()) : text)
    }

    private static func legacy(_ text: String) -> Result<NewsletterConfiguration.LegacyGenerator?, Problem> {
        if text == "none" { return .success(nil) }
        guard let generator = NewsletterConfiguration.LegacyGenerator.all.first(where: { $0.name == text }) else {
            return .failure(
                Problem(
                    .invalidValue, message: "legacy '\(text)' is not a generator Herald knows",
                    fix: "write 'pelican' for a site published with Pelican, or 'none'"))
        }
        return .success(generator)
    }

    private static func timeZone(_ text: String) -> Result<String, Problem> {
        guard TimeZone(identifier: text) != nil else {
            return .failure(
                Problem(
                    .invalidValue, message: "time_zone '\(text)' is not a time zone",
                    fix: "use an IANA name such as 'Europe/Berlin' or 'UTC'"))
        }
        return .success(text)
    }

    static func pattern(_ text: String) -> Result<PathPattern, Problem> {
        do {
            return .success(try PathPattern(text))
        } catch {
            return .failure(Problem(.invalidValue, message: error.message))
        }
    }
}

extension NewsletterConfiguration.Paths: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        let content = table.string("content") ?? "content"
        self.init(content: content, drafts: table.string("drafts") ?? "draft", pages: table.string("pages"))
        table.reportUnknownKeys()
    }
}

extension NewsletterConfiguration.Schedule: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        let day = table.parsed("weekday", describedAs: "a day name such as \"wednesday\"", Self.weekday)
        let interval = table.parsed(
            "every", describedAs: "an interval such as \"1 week\" or \"1 month\"", ScheduleInterval.parsing)
        let weeks = table.integer("interval_weeks", in: 1...52)
        if interval != nil, weeks != nil {
            table.report(
                "interval_weeks", "[schedule] sets both 'every' and 'interval_weeks', its older spelling",
                fix: "keep 'every' and remove 'interval_weeks'")
        }
        every = interval ?? weeks.flatMap { ScheduleInterval(count: $0, unit: .week) } ?? .week
        // A monthly is dated by the day of the month unless it names a weekday; a weekly keeps TWiR's.
        weekday = day ?? (every.unit == .month ? nil : .wednesday)
        if let value = table.integer("lead_days", in: 0...365) { leadDays = value }
        if let value = table.parsed("numbering", describedAs: "\"consecutive\" or \"weeks\"", Self.numbering) {
            numbering = value
        }
        table.reportUnknownKeys()
    }

    private static func numbering(_ text: String) -> Result<NewsletterConfiguration.Numbering, Problem> {
        guard let numbering = NewsletterConfiguration.Numbering(rawValue: text) else {
            return .failure(
                Problem(
                    .invalidValue, message: "numbering '\(text)' is not a way Herald numbers issues",
                    fix: "write \"consecutive\" (the latest number plus one) or \"weeks\" (plus the weeks since it)"))
        }
        return .success(numbering)
    }

    private static func weekday(_ text: String) -> Result<Weekday, Problem> {
        guard let day = Weekday(name: text) else {
            let hint = Suggestion.closest(to: text, among: Weekday.allCases.map(\.name)).map { "did you mean '\($0)'?" }
            return .failure(
                Problem(
                    .invalidValue, message: "weekday '\(text)' is not a day of the week",
                    fix: hint ?? "write a day name such as 'wednesday'"))
        }
        return .success(day)
    }
}

extension NewsletterConfiguration.Drafts: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        template = table.string("template")
        if let value = table.parsed(
            "file_name", describedAs: "a file name pattern", NewsletterConfiguration.Site.pattern)
        {
            fileName = value
        }
        table.reportUnknownKeys()
    }
}

extension NewsletterConfiguration.Events: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.integer("window_weeks", in: 1...52) { windowWeeks = value }
        if let value = table.strings("regions") { regions = value }
        table.reportUnknownKeys()
    }
}
