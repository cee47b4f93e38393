import TOMLKit

/// A preset: defaults that are one newsletter's practice rather than Herald's, kept as a TOML
/// file that SwiftPM embeds in the binary (`PackageResources`) and read at first use.
///
/// `Presets/this-week-in-rust.toml` holds This Week in Rust's section names, whose use by a
/// newsletter is ``SectionsTable``'s choice, and its `herald gather github` groups, the default
/// of `[gather.github] queries`.
struct Preset: Sendable {
    /// The preset's `[[sections]]`: heading names → section kind, in priority order.
    let sectionRules: [SectionCatalog.Rule]
    /// The preset's `[[gather.github.queries]]`: the groups `herald gather github` fills, in order.
    let githubQueries: [NewsletterConfiguration.Gather.GitHub.Query]

    static let thisWeekInRust = Preset(
        builtIn: PackageResources.this_week_in_rust_toml, file: "presets/this-week-in-rust.toml")

    /// Reads a preset that ships with Herald. A test reads each one, so a problem in it is a
    /// mistake in Herald itself and stops the program, naming the problems.
    private init(builtIn bytes: [UInt8], file: String) {
        do {
            self = try Preset(toml: String(decoding: bytes, as: UTF8.self), file: file)
        } catch {
            preconditionFailure("the built-in \(file) cannot be read: \(error)")
        }
    }

    /// Reads preset text with the checks `herald.toml` gets: types, section kinds, unknown keys.
    ///
    /// - Throws: ``HeraldError`` with every problem, each at its line in `file`.
    init(toml text: String, file: String) throws(HeraldError) {
        let root = try TOMLTable.reading(text, file: file)
        var reader = ConfigurationTableReader(table: root, path: [], file: file, locator: TOMLKeyLocator(text: text))
        var rules: [SectionCatalog.Rule] = []
        for var table in reader.tables("sections") {
            if let rule = SectionCatalog.Rule(reading: &table) { rules.append(rule) }
            reader.absorb(table)
        }
        var queries: [NewsletterConfiguration.Gather.GitHub.Query] = []
        if var gather = reader.table("gather"), var github = gather.table("github") {
            for var table in github.tables("queries") {
                if let query = NewsletterConfiguration.Gather.GitHub.Query(reading: &table) { queries.append(query) }
                github.absorb(table)
            }
            github.reportUnknownKeys()
            gather.absorb(github)
            gather.reportUnknownKeys()
            reader.absorb(gather)
        }
        reader.reportUnknownKeys()
        guard reader.problems.isEmpty else { throw HeraldError(reader.problems) }
        sectionRules = rules
        githubQueries = queries
    }
}

extension SectionCatalog.Rule {
    /// One `[[sections]]` table of a preset: `kind` (a section kind's id) and `names`.
    init?(reading table: inout ConfigurationTableReader) {
        let kind = table.sectionKind("kind", among: SectionKind.allKinds, role: "a section kind")
        let names = table.strings("names")
        table.reportUnknownKeys()
        for key in ["kind", "names"] where table.table[key] == nil {
            table.report(key, "each [[sections]] needs a '\(key)'")
        }
        guard let kind, let names else { return nil }
        self.init(kind: kind, names: names)
    }
}
