import TOMLKit

extension NewsletterConfiguration {
    /// The words of the pages, search and email edition: `[site] language`'s table with the
    /// `[labels]` table's wording in its place.
    public var labels: SiteLabels { SiteLabels(language: site.language, overrides: labelOverrides) }
}

/// The `[labels]` table: label key → the newsletter's wording (`previous_issue = "« Earlier"`).
struct LabelsTable: ConfigurationTable {
    var overrides: [SiteLabels.Key: String] = [:]

    init() {}

    init(reading table: inout ConfigurationTableReader) {
        for (name, value) in table.allEntries() {
            guard let key = SiteLabels.Key(rawValue: name) else {
                let keys = SiteLabels.Key.allCases.map(\.rawValue)
                let fix = Suggestion.closest(to: name, among: keys).map { "did you mean '\($0)'?" }
                table.report(name, "'\(name)' is not a label", fix: fix ?? "docs/templates.md lists the labels")
                continue
            }
            guard let text = value.string else {
                table.report(name, "label '\(name)' must be a string")
                continue
            }
            overrides[key] = text
        }
    }
}
