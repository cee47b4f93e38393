import HeraldCore

/// Renders one issue's page with the `issue` template: at its own address, or elsewhere (at
/// `latest/`) with a canonical link to its own address, so search engines index it once.
struct IssuePage {
    let context: SiteContext
    let issue: SiteIssue
    let previous: SiteIssue?
    let next: SiteIssue?
    /// Where the page is written; the issue's own output path unless it is shown elsewhere.
    var outputPath: String?

    func html() -> RenderedText {
        let values = TemplateValues(context: context)
        let path = outputPath ?? issue.outputPath
        var page: [String: Any] = ["issue": values.detail(of: issue, shownAt: path)]
        if let previous { page["previous"] = values.summary(of: previous) }
        if let next { page["next"] = values.summary(of: next) }
        if context.buildsInsights, let mentions = IssueMentionLinks(context: context).values(for: issue) {
            page["mentions"] = mentions
        }
        let meta = values.meta(
            title: "\(issue.metadata.title) · \(context.configuration.site.title)",
            description: issue.metadata.summary,
            canonicalURL: path == issue.outputPath ? nil : context.links.absoluteURL(of: issue.outputPath),
            noindex: issue.isDraft)
        return context.theme.renderPage(TemplateName.issue, context: values.page(meta: meta, page))
    }
}
