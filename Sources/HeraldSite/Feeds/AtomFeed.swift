/// Writes an Atom 1.0 feed (RFC 4287) from the theme's `atom.mustache`.
struct AtomFeed {
    let channel: FeedChannel

    func xml(theme: Theme) -> RenderedText {
        theme.rendered(TemplateName.atom, context: channel.xmlValues())
    }
}
