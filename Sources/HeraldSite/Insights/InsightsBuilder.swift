import Foundation
import HeraldCore

/// Reads the published issues into ``Insights`` and plans their pages, at most once per build
/// and only when a page has to be made.
///
/// The insights depend on every published issue. When the last build's pages were made from
/// the same ones (``BuiltInsights``), the plan reuses their paths and keys and never asks this
/// builder, so saving a draft costs the insights nothing. Otherwise each issue's model is taken
/// from ``SiteContext/issueModel(of:)``, shared with the search index so no issue is parsed
/// twice, on every core; each page's key is what it shows, so the writer rewrites only the
/// pages whose facts changed.
final class InsightsBuilder: @unchecked Sendable {
    /// One page or calendar, its key, and how to make it.
    struct Page: Sendable {
        let path: String
        let key: StableHash
        let make: @Sendable () -> String
    }

    let context: SiteContext
    /// ``key(for:)`` of the context.
    let key: StableHash
    private let lock = NSLock()
    private var planned: (pages: [Page], byPath: [String: Page])?

    init(context: SiteContext) {
        self.context = context
        self.key = InsightsBuilder.key(for: context)
    }

    /// What the insight pages are made from: the site (theme, settings, addresses) and the
    /// published issues' text, addresses, titles and dates.
    static func key(for context: SiteContext) -> StableHash {
        var key = context.siteKey
        key.combine("herald-insights-2")
        for issue in context.published {
            key.combine(issue.outputPath)
            key.combine(issue.listingHash)
            key.combine(issue.sourceHash)
        }
        return key
    }

    /// Every insight page, in a stable order; made on first use, callers on other threads wait.
    func pages() -> [Page] { plan().pages }

    /// The page published at `path`, if the insights have one there.
    func page(at path: String) -> Page? { plan().byPath[path] }

    private func plan() -> (pages: [Page], byPath: [String: Page]) {
        lock.withLock {
            if let planned { return planned }
            let pages = makePages(makeInsights())
            let made = (pages, Dictionary(pages.map { ($0.path, $0) }) { first, _ in first })
            planned = made
            return made
        }
    }

    private func makePages(_ insights: Insights) -> [Page] {
        let context = context
        /// A page at `path` whose key is the site, the path and what `facts` adds.
        func page(_ path: String, facts: StableHash, _ render: @escaping @Sendable (InsightPages) -> String) -> Page {
            var key = context.siteKey
            key.combine(path)
            key.combine(facts)
            return Page(path: path, key: key) { render(InsightPages(context: context, insights: insights)) }
        }
        let years = insights.years.map { "\($0.lowerBound)-\($0.upperBound)" } ?? ""
        let newest = context.published.last?.metadata.date
        // Hashing every mention, quote and event is most of planning: each page's on any core.
        let subjects: [PageSubject] =
            [.index, .quotes, .people] + insights.crates.map(PageSubject.crate)
            + PlaceRegion.regions(of: insights.places).map(PageSubject.region)
        return subjects.concurrentMap { subject -> [Page] in
            switch subject {
            case .index:
                return [page(InsightPaths.index, facts: InsightsBuilder.listing(of: insights)) { $0.index() }]
            case .quotes:
                var quotes = StableHash()
                for author in insights.quoteAuthors { quotes.combine(author) }
                return [page(InsightPaths.quotes, facts: quotes) { $0.quotes() }]
            case .people:
                var people = StableHash()
                for person in insights.people { people.combine(person) }
                return [page(InsightPaths.people, facts: people) { $0.people() }]
            case .crate(let crate):
                var facts = StableHash(years)
                facts.combine(crate)
                return [page(InsightPaths.crate(crate), facts: facts) { $0.crate(crate) }]
            case .region(let region):
                let upcoming = region.upcomingEvents(from: newest)
                var facts = StableHash(region.name)
                for place in region.places { facts.combine(place) }
                facts.combine(!upcoming.isEmpty)
                let regionPage = page(InsightPaths.region(region), facts: facts) { $0.region(region) }
                guard !upcoming.isEmpty else { return [regionPage] }
                var calendar = StableHash(region.name, newest?.description ?? "")
                for event in upcoming {
                    calendar.combine(event.region ?? "")
                    calendar.combine(event.entry)
                }
                let name = "events in \(region.name)"
                return [
                    regionPage,
                    page(InsightPaths.regionCalendar(region), facts: calendar) { _ in
                        EventCalendar(context: context, name: name, stamp: newest, events: upcoming).ics()
                    },
                ]
            }
        }.flatMap { $0 }
    }

    /// What an insight page is about.
    private enum PageSubject {
        case index, quotes, people
        case crate(CrateInsight)
        case region(PlaceRegion)
    }

    /// What the index shows: each crate, person and place (by region) with its count, and how many
    /// quotes. A region's name and slug follow from its places'.
    private static func listing(of insights: Insights) -> StableHash {
        var key = StableHash()
        for crate in insights.crates { key.combine("\(crate.slug) \(crate.name) \(crate.mentions.count)") }
        for person in insights.people { key.combine("\(person.slug) \(person.name) \(person.issues.count)") }
        for place in insights.places { key.combine("\(place.slug) \(place.name) \(place.events.count)") }
        key.combine(String(insights.quoteAuthors.reduce(0) { $0 + $1.quotes.count }))
        return key
    }

    /// Each published issue's contribution read on every core, from the model the search index
    /// read (or reads now, once), then merged.
    private func makeInsights() -> Insights {
        let context = context
        let issues = context.published
        return Insights(
            contributions: issues.concurrentMap { context.insightContribution(of: $0) })
    }

    /// An issue as insights refer to it: by its output path.
    static func reference(to issue: SiteIssue) -> IssueReference {
        IssueReference(
            id: issue.outputPath, title: issue.metadata.title, number: issue.metadata.number, date: issue.metadata.date)
    }
}
