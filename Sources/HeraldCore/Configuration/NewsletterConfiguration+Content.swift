import TOMLKit

extension NewsletterConfiguration {
    /// The `[content]` table: which files in the content folder are issues, and where their
    /// metadata comes from when their headers do not say it all.
    ///
    /// This is what lets a weekly keep the layout it has (`_posts/{date}-{slug}.md`,
    /// `{year}/issue-{number}.markdown`) with only a `herald.toml` beside it.
    public struct Content: Hashable, Sendable {
        /// Path patterns inside the content folder whose named parts give an issue's date,
        /// number and slug. When set, a Markdown file that fits no pattern (and no ``include``
        /// glob) is skipped with a warning.
        public var patterns: [PathPattern] = []
        /// Files that are issues though they fit no pattern; when set without patterns, the only ones.
        public var include: [Glob] = []
        /// Files that are not issues (`_index.md`, `blog/**`), passed over without a word.
        public var exclude: [Glob] = []
        /// Other names for metadata keys, lower-cased alias → Herald's key (`issue` → `number`).
        public var aliases: [String: String] = [:]
        /// How dates are written, in headers and in `{date}`, when not `YYYY-MM-DD`.
        public var dateFormat: DateFormat?
        /// A TOML file, relative to the newsletter folder, with metadata for issues whose files
        /// and paths do not carry it: one table per file, named by its path in the content folder.
        public var metadata: String?
        /// The date of issue 1, for a newsletter whose files carry no dates (`issue-12.md` with
        /// no header): an issue whose number its path or the metadata table gives, and whose
        /// date nothing gives, is dated `schedule`'s intervals after it, one per number.
        public var firstIssueDate: IssueDate?
        /// The schedule that dates issues from ``firstIssueDate``: `[schedule]`, copied here
        /// when `herald.toml` is read.
        public var schedule = Schedule()

        public init() {}

        /// Whether anything limits which Markdown files are issues.
        var selectsFiles: Bool { !patterns.isEmpty || !include.isEmpty }

        /// Whether a pattern or an include glob names the file at `path` inside the content folder.
        func names(_ path: String) -> Bool {
            include.contains { $0.matches(path) }
                || patterns.contains { $0.metadata(matching: path, dateFormat: dateFormat) != nil }
        }

        /// The metadata sources of a file at `path` inside the content folder (`nil` when the
        /// file is not an issue), with `table`'s values for it.
        func sources(forContentPath path: String, table: [String: [String: String]]) -> MetadataSources? {
            var outside: [String: String] = [:]
            var selected = !selectsFiles || include.contains { $0.matches(path) }
            if let values = patterns.lazy.compactMap({ $0.metadata(matching: path, dateFormat: dateFormat) }).first {
                outside = values
                selected = true
            }
            guard selected else { return nil }
            outside.merge(table[path] ?? [:]) { $1 }
            if outside["date"] == nil, let firstIssueDate, let number = outside["number"].flatMap({ Int($0) }),
                number >= 1
            {
                outside["date"] = schedule.date(number - 1, after: firstIssueDate).description
            }
            return MetadataSources(outside: outside, aliases: aliases, dateFormat: dateFormat)
        }

        /// The sources every file gets, drafts included: aliases and the date format.
        var commonSources: MetadataSources {
            MetadataSources(aliases: aliases, dateFormat: dateFormat)
        }
    }
}

extension NewsletterConfiguration.Content: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        for text in table.strings("patterns") ?? [] {
            switch NewsletterConfiguration.Site.pattern(text) {
            case .success(let pattern): patterns.append(pattern)
            case .failure(let problem): table.report("patterns", "[content] patterns: \(problem.message)")
            }
        }
        include = Self.globs("include", in: &table)
        exclude = Self.globs("exclude", in: &table)
        if var names = table.table("aliases") {
            for (key, value) in names.allEntries() {
                let alternatives = value.array?.compactMap(\.string) ?? value.string.map { [$0] }
                guard let alternatives, !alternatives.isEmpty else {
                    names.report(
                        key,
                        "[content.aliases] \(key) must be a key name or a list of them, such as [\"issue\", \"no\"]")
                    continue
                }
                for alias in alternatives { aliases[alias.lowercased()] = key.lowercased() }
            }
            table.absorb(names)
        }
        if let text = table.string("date_format") {
            do {
                dateFormat = try DateFormat(text)
            } catch {
                table.report("date_format", error.message, fix: "write it like \"DD.MM.YYYY\" or \"YYYY/M/D\"")
            }
        }
        metadata = table.string("metadata")
        firstIssueDate = table.date("first_issue_date")
        table.reportUnknownKeys()
    }

    private static func globs(_ key: String, in table: inout ConfigurationTableReader) -> [Glob] {
        var globs: [Glob] = []
        for text in table.strings(key) ?? [] {
            do throws(PathPattern.PatternError) {
                globs.append(try Glob(text))
            } catch {
                table.report(key, "[content] \(key): \(error.message)")
            }
        }
        return globs
    }
}
