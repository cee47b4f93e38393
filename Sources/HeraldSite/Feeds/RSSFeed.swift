/// Writes an RSS 2.0 feed, with an Atom `self` link as the RSS Advisory Board recommends, from
/// the theme's `rss.mustache`.
struct RSSFeed {
    let channel: FeedChannel

    func xml(theme: Theme) -> RenderedText {
        theme.rendered(TemplateName.rss, context: channel.xmlValues())
    }
}
