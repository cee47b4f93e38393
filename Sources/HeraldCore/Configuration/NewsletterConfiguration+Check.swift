public import HeraldMarkdown

extension NewsletterConfiguration {
    /// The `[check]` table: what `herald check` accepts and how loudly it complains.
    ///
    /// Every default is This Week in Rust's practice, so a TWiR checkout is checked as its
    /// editors' own scripts check it, with no file at all.
    public struct Check: Hashable, Sendable {
        /// How many earlier issues a featured link may not repeat from; `nil` means the whole archive.
        public var duplicateWindow: Int?
        /// Bracketed entry prefixes editors use besides two-letter language codes (`[video]`).
        public var prefixes: [String]
        /// HTML tag names an issue may contain; any other is reported by `raw-html`.
        public var allowedHTML: [String]
        /// Hosts no link section takes, such as paywalled sites.
        public var bannedHosts: [String]
        /// Rules switched off or given another severity, keyed by rule id.
        public var rules: [RuleSetting]
        /// Per-section policies, by section heading.
        public var sections: [SectionPolicy]

        public init(
            duplicateWindow: Int? = nil, prefixes: [String] = Check.defaultPrefixes,
            allowedHTML: [String] = Check.defaultAllowedHTML, bannedHosts: [String] = [], rules: [RuleSetting] = [],
            sections: [SectionPolicy] = Check.twirSections
        ) {
            self.duplicateWindow = duplicateWindow
            self.prefixes = prefixes
            self.allowedHTML = allowedHTML
            self.bannedHosts = bannedHosts
            self.rules = rules
            self.sections = sections
        }

        /// The policy for the section headed `heading`: the configured one (headings compared
        /// without case), with the table-wide banned hosts added.
        public func policy(forSection heading: String) -> SectionPolicy {
            var policy =
                sections.first { $0.heading.equalsIgnoringCase(heading) } ?? SectionPolicy(heading: heading)
            policy.bannedHosts += bannedHosts
            return policy
        }

        /// The prefixes This Week in Rust uses: media (`[video]`, `[pdf]`) and, in its Official
        /// section, the blog an announcement comes from (`[Inside]`, `[Foundation]`).
        public static let defaultPrefixes = [
            "video", "audio", "series", "podcast", "slides", "pdf", "inside", "foundation",
        ]

        /// Tags that render harmlessly in the site and in email clients.
        public static let defaultAllowedHTML = [
            "a", "abbr", "b", "blockquote", "br", "center", "code", "dd", "del", "details", "div", "dl", "dt", "em",
            "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
            "ol", "p", "picture", "pre", "s", "small", "source", "span", "strike", "strong", "sub", "summary", "sup",
            "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "video", "iframe",
        ]

        /// TWiR's pull-request check: outside contributors do not add project or tooling updates.
        public static let twirSections = [SectionPolicy(heading: "Project/Tooling Updates", isClosed: true)]
    }

    /// What a section takes: whether outside contributors may add links, and which hosts it refuses.
    public struct SectionPolicy: Hashable, Sendable {
        /// The section's heading as written in issues.
        public var heading: String
        /// Whether the section takes no links from outside contributors (`--contributor outside`).
        public var isClosed: Bool
        /// Hosts the section refuses; a host also matches its subdomains.
        public var bannedHosts: [String]

        public init(heading: String, isClosed: Bool = false, bannedHosts: [String] = []) {
            self.heading = heading
            self.isClosed = isClosed
            self.bannedHosts = bannedHosts
        }
    }

    /// One line of `[check.rules]`: a rule switched off or given another severity.
    public struct RuleSetting: Hashable, Sendable {
        public enum Level: String, Hashable, Sendable {
            case off, warning, error
        }

        /// The rule id as written (`truncated-title`); `herald check` reports ids it does not know.
        public var rule: String
        public var level: Level
        /// Where the setting is in `herald.toml`, for reporting an unknown rule.
        public var location: SourceLocation?

        public init(rule: String, level: Level, location: SourceLocation? = nil) {
            self.rule = rule
            self.level = level
            self.location = location
        }
    }
}

extension NewsletterConfiguration.Check: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        duplicateWindow = table.integer("duplicate_window", in: 0...Int.max).flatMap { $0 == 0 ? nil : $0 }
        if let value = table.strings("prefixes") { prefixes = value }
        if let value = table.strings("allowed_html") { allowedHTML = value.map { $0.lowercased() } }
        if let value = table.strings("banned_hosts") { bannedHosts = value.map { $0.lowercased() } }
        if var rulesTable = table.table("rules") {
            for (rule, _) in rulesTable.allEntries() {
                let location = rulesTable.location(of: rule)
                let text = rulesTable.string(rule, describedAs: "\"off\", \"warning\" or \"error\"")
                guard let text else { continue }
                guard let level = NewsletterConfiguration.RuleSetting.Level(rawValue: text) else {
                    rulesTable.report(rule, "rule '\(rule)' in [check.rules] must be \"off\", \"warning\" or \"error\"")
                    continue
                }
                rules.append(NewsletterConfiguration.RuleSetting(rule: rule, level: level, location: location))
            }
            table.absorb(rulesTable)
        }
        if var sectionsTable = table.table("sections") {
            var policies: [NewsletterConfiguration.SectionPolicy] = []
            for (heading, _) in sectionsTable.allEntries() {
                guard var sectionTable = sectionsTable.table(heading) else { continue }
                var policy = NewsletterConfiguration.SectionPolicy(heading: heading)
                if let closed = sectionTable.bool("closed") { policy.isClosed = closed }
                if let hosts = sectionTable.strings("banned_hosts") {
                    policy.bannedHosts = hosts.map { $0.lowercased() }
                }
                sectionTable.reportUnknownKeys()
                sectionsTable.absorb(sectionTable)
                policies.append(policy)
            }
            sections = policies
            table.absorb(sectionsTable)
        }
        table.reportUnknownKeys()
    }
}
