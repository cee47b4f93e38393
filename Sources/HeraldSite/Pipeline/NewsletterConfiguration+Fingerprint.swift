import HeraldCore
import HeraldMarkdown

extension NewsletterConfiguration {
    /// A hash of every setting that changes the site, the same in every run.
    ///
    /// `String(reflecting:)` would not do: it lists dictionaries in a per-process order, and
    /// every page would then look changed on every build. A setting added here later that the
    /// site uses must be added to this hash too.
    var siteFingerprint: StableHash {
        var key = StableHash(
            site.title, site.baseURL, site.author, site.language, site.timeZone, site.articleURL.rawValue,
            paths.content,
            paths.pages, build.output, String(build.feedItems), String(build.homeIssues), build.subscribeURL ?? "",
            site.legacy?.name ?? "", headingIDStyle.name, defaultCategory ?? "", feedEntryIDStyle.name)
        let names = sections.rules.flatMap { rule in rule.names.map { "\(rule.kind.id)=\($0)" } }
        for name in names.sorted() {
            key.combine(name)
        }
        for (label, text) in labelOverrides.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            key.combine("\(label.rawValue)=\(text)")
        }
        return key
    }
}
