import TOMLKit

/// The `[sections]` table of `herald.toml`: heading → section kind, and whether This Week in
/// Rust's own names ("Jobs", "News & Blog Posts", "Upcoming Events"…) apply too.
///
/// TWiR's names are a preset rather than a default for every newsletter: in another weekly a
/// heading such as "Jobs" or "Events" is whatever that weekly makes of it, and reading it as a
/// typed TWiR section would hold it to a shape it never had. So the preset applies where the
/// newsletter is This Week in Rust (its configuration keeps TWiR's site title, as an absent
/// `herald.toml` does), or where `preset = "this-week-in-rust"` asks for it.
struct SectionsTable: ConfigurationTable {
    /// The key that names a preset; a heading cannot be called this.
    static let presetKey = "preset"
    static let presets = ["this-week-in-rust", "none"]

    var rules: [SectionCatalog.Rule] = []
    /// Whether TWiR's names apply, when the table says so.
    var usesTWiRNames: Bool?

    init() {}

    init(reading table: inout ConfigurationTableReader) {
        for (heading, value) in table.allEntries() {
            guard let id = value.string else {
                table.report(heading, "section '\(heading)' in [sections] must map to a section kind such as \"links\"")
                continue
            }
            if heading == SectionsTable.presetKey {
                readPreset(id, from: &table)
                continue
            }
            guard let kind = SectionKind(id: id) else {
                let ids = SectionKind.allKinds.map(\.id)
                let fix =
                    Suggestion.closest(to: id, among: ids).map { "did you mean '\($0)'?" }
                    ?? "use one of \(ids.map { "'\($0)'" }.joined(separator: ", "))"
                table.report(heading, "section '\(heading)' maps to '\(id)', which is not a section kind", fix: fix)
                continue
            }
            rules.append(SectionCatalog.Rule(kind: kind, names: [heading]))
        }
    }

    private mutating func readPreset(_ name: String, from table: inout ConfigurationTableReader) {
        switch name {
        case "this-week-in-rust": usesTWiRNames = true
        case "none": usesTWiRNames = false
        default:
            let suggestion = Suggestion.closest(to: name, among: SectionsTable.presets).map { "did you mean '\($0)'? " }
            table.report(
                SectionsTable.presetKey, "'\(name)' is not a preset of section names",
                fix: (suggestion ?? "") + "write 'this-week-in-rust' or 'none'")
        }
    }

    /// The catalog: the table's names first, so they can re-assign TWiR's (`"Jobs" = "generic"`),
    /// then TWiR's where they apply.
    func catalog(forSiteTitled title: String) -> SectionCatalog {
        let twir = usesTWiRNames ?? (title == NewsletterConfiguration.Site().title)
        return SectionCatalog(rules: rules + (twir ? SectionCatalog.twir.rules : []))
    }
}
