extension FeedChannel {
    /// The variables `rss.mustache` and `atom.mustache` read (`docs/templates.md` lists them).
    ///
    /// Every text is already escaped by ``MarkupEscaping/xml(_:)``, the one place feed text is
    /// escaped, so the templates insert values with `{{{name}}}`. Each entry's body is escaped
    /// as each feed is written (``RenderedText/Piece/escaped(_:_:)``), never held escaped.
    func xmlValues() -> [String: Any] {
        let e = MarkupEscaping.xml
        var values: [String: Any] = [
            "title": e(title), "siteURL": e(siteURL), "feedURL": e(feedURL), "language": e(language),
            "author": e(author), "updated": updated?.rfc3339 ?? "1970-01-01T00:00:00Z",
            "entries": entries.map { entry in
                var values: [String: Any] = [
                    "title": e(entry.title), "url": e(entry.url), "id": e(entry.id), "idIsURL": entry.id == entry.url,
                    "published": entry.date.rfc3339, "pubDate": entry.date.rfc822, "authors": entry.authors.map(e),
                    "content": RenderedText(escaping: entry.content, as: .xml),
                ]
                values["category"] = entry.category.map(e)
                values["summary"] = entry.summary.map(e)
                return values
            },
        ]
        values["lastBuildDate"] = updated?.rfc822
        return values
    }
}
