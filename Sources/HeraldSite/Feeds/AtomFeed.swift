/// Writes an Atom 1.0 feed (RFC 4287).
struct AtomFeed {
    let channel: FeedChannel

    func xml() -> String {
        let e = MarkupEscaping.xml
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(e(channel.language))">
            <title>\(e(channel.title))</title>
            <link href="\(e(channel.siteURL))" rel="alternate" type="text/html"/>
            <link href="\(e(channel.feedURL))" rel="self" type="application/atom+xml"/>
            <id>\(e(channel.feedURL))</id>
            <updated>\(channel.updated?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>
            <author><name>\(e(channel.author))</name></author>
            <generator>Herald</generator>

            """
        for entry in channel.entries {
            xml += "<entry>\n"
            xml += "<title type=\"text\">\(e(entry.title))</title>\n"
            xml += "<link href=\"\(e(entry.url))\" rel=\"alternate\" type=\"text/html\"/>\n"
            xml += "<id>\(e(entry.id))</id>\n"
            xml += "<published>\(entry.date.rfc3339)</published>\n"
            xml += "<updated>\(entry.date.rfc3339)</updated>\n"
            for author in entry.authors {
                xml += "<author><name>\(e(author))</name></author>\n"
            }
            if let category = entry.category {
                xml += "<category term=\"\(e(category))\"/>\n"
            }
            if let summary = entry.summary {
                xml += "<summary type=\"text\">\(e(summary))</summary>\n"
            }
            xml += "<content type=\"html\">\(e(entry.contentHTML))</content>\n"
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
