import Foundation
import TOMLKit

extension NewsletterConfiguration {
    /// The `[gather]` table: where `herald gather` finds a week's events, GitHub items and
    /// forum nominations.
    ///
    /// This Week in Rust kept one script per source with its repositories and labels written
    /// into the code; here they are settings, with TWiR's set as the default so that a TWiR
    /// checkout gathers without a `herald.toml`.
    public struct Gather: Hashable, Sendable {
        /// `[gather.events]`: the calendar feeds read when `--from` is not given.
        public var feeds: [String]
        /// `[gather.github]`.
        public var github: GitHub
        /// `[gather.forum]`.
        public var forum: Forum

        public init(feeds: [String] = [], github: GitHub = GitHub(), forum: Forum = Forum()) {
            self.feeds = feeds
            self.github = github
            self.forum = forum
        }
    }
}

extension NewsletterConfiguration.Gather {
    /// Where GitHub items come from: the API, the organisation whose merged pull requests are
    /// counted, and one query per group of a section.
    public struct GitHub: Hashable, Sendable {
        /// The REST API's base address; a GitHub Enterprise server has its own.
        public var api: String
        /// The organisation whose merged pull requests the project-updates section counts.
        public var organisation: String
        /// The groups gathered, in the order they are written.
        public var queries: [Query]
        /// How the sections are written.
        public var format: Format
        /// The web address the merged count's search link starts with; by default GitHub's, or
        /// for an Enterprise API (`…/api/v3`) its server.
        public var web: String

        public init(
            api: String = "https://api.github.com", organisation: String = "rust-lang", queries: [Query] = twir,
            format: Format = Format(), web: String? = nil
        ) {
            self.api = api
            self.organisation = organisation
            self.queries = queries
            self.format = format
            self.web = web ?? Self.web(for: api)
        }

        /// The web pages of the API at `api`.
        static func web(for api: String) -> String {
            api == "https://api.github.com" ? "https://github.com" : api.replacingOccurrences(of: "/api/v3", with: "")
        }

        /// One group of a gathered section: `##### [Cargo](…)` in the final comment period.
        public struct Query: Hashable, Sendable {
            /// The section it fills: `calls-for-testing`, `final-comment-period`, `approved-rfcs`
            /// or `new-rfcs`.
            public var section: SectionKind
            /// The group's name, its heading and its mention in "no items this week for …".
            public var name: String
            /// Where the group's heading links.
            public var url: String?
            /// `owner/name` of each repository searched.
            public var repositories: [String]
            /// Labels an item must all carry; the week is judged by when the first was added.
            public var labels: [String]
            /// Markdown written after the heading's link: TWiR's Compiler Team group adds
            /// `[(MCPs only)](https://forge.rust-lang.org/compiler/mcp.html)`.
            public var headingNote: String?

            public init(
                section: SectionKind, name: String, url: String? = nil, repositories: [String], labels: [String] = [],
                headingNote: String? = nil
            ) {
                self.section = section
                self.name = name
                self.url = url
                self.repositories = repositories
                self.labels = labels
                self.headingNote = headingNote
            }
        }

        /// The sections `herald gather github` can fill.
        public static let sections: [SectionKind] = [.callsForTesting, .approvedRFCs, .finalCommentPeriod, .newRFCs]

        /// This Week in Rust's groups in the order and with the links it publishes them, from its
        /// preset (`Presets/this-week-in-rust.toml`).
        public static let twir: [Query] = Preset.thisWeekInRust.githubQueries
    }

    /// Where forum nominations come from: a Discourse forum and its topics' ids (the number
    /// in `https://users.rust-lang.org/t/crate-of-the-week/2704`).
    public struct Forum: Hashable, Sendable {
        public var baseURL: String
        public var crateTopic: Int?
        public var quoteTopic: Int?
        /// The call-for-participation topic; unset by default, as TWiR takes CFPs by pull request.
        public var participationTopic: Int?

        public init(
            baseURL: String = "https://users.rust-lang.org", crateTopic: Int? = 2704, quoteTopic: Int? = 328,
            participationTopic: Int? = nil
        ) {
            self.baseURL = baseURL
            self.crateTopic = crateTopic
            self.quoteTopic = quoteTopic
            self.participationTopic = participationTopic
        }
    }
}

extension NewsletterConfiguration.Gather: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if var events = table.table("events") {
            if let value = events.strings("feeds") { feeds = value }
            events.reportUnknownKeys()
            table.absorb(events)
        }
        table.read("github", into: &github)
        table.read("forum", into: &forum)
        table.reportUnknownKeys()
    }
}

extension NewsletterConfiguration.Gather.Forum: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.parsed("base_url", describedAs: "an http(s) URL", Self.address) { baseURL = value }
        for (key, path) in [
            ("crate_topic", \Self.crateTopic), ("quote_topic", \.quoteTopic), ("cfp_topic", \.participationTopic),
        ] {
            if let value = table.integer(key, in: 1...Int.max) { self[keyPath: path] = value }
        }
        table.reportUnknownKeys()
    }

    static func address(_ text: String) -> Result<String, Problem> {
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else {
            return .failure(
                Problem(
                    .invalidValue, message: "'\(text)' is not an http or https URL",
                    fix: "write it like 'https://example.org'"))
        }
        return .success(text.hasSuffix("/") ? String(text.dropLast()) : text)
    }
}

extension NewsletterConfiguration.Gather.GitHub: ConfigurationTable {
    /// `[gather.github]`; `[[gather.github.queries]]` replace This Week in Rust's groups when given.
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.parsed("api", describedAs: "an http(s) URL", NewsletterConfiguration.Gather.Forum.address)
        {
            api = value
            web = Self.web(for: value)
        }
        if let value = table.parsed("web", describedAs: "an http(s) URL", NewsletterConfiguration.Gather.Forum.address)
        {
            web = value
        }
        if let value = table.string("organisation") { organisation = value }
        format.read(&table)
        let known = ["api", "web", "organisation", "queries"] + Format.keys
        for (key, _) in table.allEntries() where !known.contains(key) {
            let fix = Suggestion.closest(to: key, among: known).map { "did you mean '\($0)'?" }
            table.report(
                key, "unknown key '\(key)' in \(table.tableName)",
                fix: fix ?? "[gather.github] knows \(known.map { "'\($0)'" }.joined(separator: ", "))",
                code: .unknownKey)
        }
        guard let value = table.table["queries"] else { return }
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            table.report("queries", "'queries' in [gather.github] must be tables, written [[gather.github.queries]]")
            return
        }
        queries = array.compactMap(\.table).compactMap { element in
            var reader = ConfigurationTableReader(
                table: element, path: table.path + ["queries"], file: table.file, locator: table.locator)
            let query = Query(reading: &reader)
            table.absorb(reader)
            return query
        }
    }
}

extension NewsletterConfiguration.Gather.GitHub.Query {
    init?(reading table: inout ConfigurationTableReader) {
        let section = table.sectionKind(
            "section", among: NewsletterConfiguration.Gather.GitHub.sections,
            role: "a section herald gather github fills")
        let name = table.string("name")
        let url = table.string("url")
        let repositories = table.strings("repositories")
        let labels = table.strings("labels") ?? []
        let headingNote = table.string("heading_note")
        table.reportUnknownKeys()
        if table.table["section"] == nil {
            table.report(
                "section", "each [[gather.github.queries]] needs a 'section'",
                fix: "add section = \"final-comment-period\" or another")
        }
        if let repositories, repositories.isEmpty || !repositories.allSatisfy({ $0.split(separator: "/").count == 2 }) {
            table.report("repositories", "'repositories' must list repositories as \"owner/name\"")
            return nil
        }
        if table.table["repositories"] == nil {
            table.report(
                "section", "each [[gather.github.queries]] needs 'repositories'",
                fix: "add repositories = [\"owner/name\"]")
        }
        guard let section, let repositories else { return nil }
        self.init(
            section: section, name: name ?? repositories[0], url: url, repositories: repositories, labels: labels,
            headingNote: headingNote)
    }
}
