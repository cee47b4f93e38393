import HeraldCore

/// Writes a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the theme's
/// `feed.json.mustache`.
struct JSONFeed {
    let channel: FeedChannel

    func text(theme: Theme) -> RenderedText {
        theme.rendered(TemplateName.jsonFeed, context: values())
    }

    /// The template's variables (`docs/templates.md` lists them), each text already a JSON
    /// string literal, quotes included, so the template inserts it with `{{{name}}}`.
    func values() -> [String: Any] {
        let j = JSONWriter.literal
        return [
            "title": j(channel.title), "siteURL": j(channel.siteURL), "feedURL": j(channel.feedURL),
            "language": j(channel.language), "author": j(channel.author),
            "entries": channel.entries.map { entry in
                var values: [String: Any] = [
                    "title": j(entry.title), "url": j(entry.url), "id": j(entry.id),
                    "published": j(entry.date.rfc3339), "authors": entry.authors.map(j),
                    "content": RenderedText(escaping: entry.content, as: .jsonString),
                ]
                values["category"] = entry.category.map(j)
                values["summary"] = entry.summary.map(j)
                return values
            },
        ]
    }
}
