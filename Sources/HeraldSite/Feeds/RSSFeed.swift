/// Writes an RSS 2.0 feed, with an Atom `self` link as the RSS Advisory Board recommends.
struct RSSFeed {
    let channel: FeedChannel

    func xml() -> String {
        let e = MarkupEscaping.xml
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(e(channel.title))</title>
            <link>\(e(channel.siteURL))</link>
            <description>\(e(channel.title))</description>
            <language>\(e(channel.language))</language>
            <atom:link href="\(e(channel.feedURL))" rel="self" type="application/rss+xml"/>
            <generator>Herald</generator>

            """
        if let updated = channel.updated {
            xml += "<lastBuildDate>\(updated.rfc822)</lastBuildDate>\n"
        }
        for entry in channel.entries {
            xml += "<item>\n"
            xml += "<title>\(e(entry.title))</title>\n"
            xml += "<link>\(e(entry.url))</link>\n"
            xml += "<guid isPermaLink=\"\(entry.id == entry.url)\">\(e(entry.id))</guid>\n"
            xml += "<pubDate>\(entry.date.rfc822)</pubDate>\n"
            if let category = entry.category {
                xml += "<category>\(e(category))</category>\n"
            }
            xml += "<description>\(e(entry.contentHTML))</description>\n"
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }
}
