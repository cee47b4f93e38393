import HeraldCore

extension SitePlan {
    /// The insight pages: an index, a page per crate, person and place, and the quotes.
    ///
    /// Which pages exist depends on every published issue, so the insights are made while
    /// planning; each page's key is the published issues' content and its own path.
    func insightFiles() -> [OutputFile] {
        let context = context
        let insights = InsightsBuilder(context: context).insights()
        let base = context.contentKey("insights", context.published)
        func page(_ path: String, _ render: @escaping @Sendable (InsightPages) -> String) -> OutputFile {
            OutputFile(path: path, key: base.adding(StableHash(path))) {
                render(InsightPages(context: context, insights: insights))
            }
        }
        var files = [page(InsightPaths.index) { $0.index() }, page(InsightPaths.quotes) { $0.quotes() }]
        files += insights.crates.map { crate in page(InsightPaths.crate(crate)) { $0.crate(crate) } }
        files += insights.people.map { person in page(InsightPaths.person(person)) { $0.person(person) } }
        files += insights.places.map { place in page(InsightPaths.place(place)) { $0.place(place) } }
        return files
    }
}
