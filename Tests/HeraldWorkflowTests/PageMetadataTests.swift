import HeraldWorkflow
import Testing

@Suite("Reading a page's head")
struct PageMetadataTests {
    @Test("og:title wins over <title>, both decoded; canonical and site name are read")
    func openGraph() {
        let html = """
            <!doctype html><html><head>
            <meta charset="utf-8">
            <title>Ferris &amp; friends | The Blog</title>
            <meta property='og:title' content="Ferris &amp; friends&#x2019; week">
            <meta property=og:site_name content=TheBlog>
            <link rel="alternate canonical" href="/posts/ferris?utm_source=x">
            </head><body><svg><title>icon</title></svg></body></html>
            """
        let metadata = PageMetadata(html: Array(html.utf8))
        #expect(metadata.openGraphTitle == "Ferris & friends’ week")
        #expect(metadata.documentTitle == "Ferris & friends | The Blog")
        #expect(metadata.siteName == "TheBlog")
        #expect(metadata.canonical == "/posts/ferris?utm_source=x")
        #expect(metadata.title == "Ferris & friends’ week")
    }

    @Test("the <title> is trimmed, its whitespace collapsed and its site name dropped")
    func documentTitle() {
        let html = "<HTML><HEAD><TITLE>\n  Async drop,\n   explained — Ferris' Blog\n</TITLE></HEAD></HTML>"
        let metadata = PageMetadata(html: Array(html.utf8))
        #expect(metadata.documentTitle == "Async drop, explained — Ferris' Blog")
        #expect(metadata.title == "Async drop, explained")
    }

    @Test("nothing after <body>, nothing inside scripts or comments counts")
    func ignoredPlaces() {
        let html = """
            <head><script>document.write("<title>not this</title>")</script>
            <!-- <meta property="og:title" content="nor this"> -->
            <style>p::before { content: "<title>"; }</style>
            </head><body><title>too late</title><meta property="og:title" content="late">
            """
        let metadata = PageMetadata(html: Array(html.utf8))
        #expect(metadata.title == nil)
        #expect(metadata.openGraphTitle == nil)
    }

    @Test("broken markup and invalid bytes never stop the reading")
    func brokenMarkup() {
        var bytes = Array("<title>Caf".utf8) + [0xE9] + Array(" menu</title><meta content=\"x\" name=\"og:title".utf8)
        #expect(PageMetadata(html: bytes).documentTitle == "Caf\u{FFFD} menu")
        bytes = Array("<<<>>><title".utf8)
        #expect(PageMetadata(html: bytes).title == nil)
        #expect(PageMetadata(html: []).title == nil)
    }

    @Test(
        "site names come off the end of titles, but a hyphen inside a title stays",
        arguments: [
            ("Tantivy 0.24 | Quickwit", nil, "Tantivy 0.24"),
            ("Writing drivers · crescentro.se", nil, "Writing drivers"),
            ("GlueSQL v0.17.0 - Added redb storage support", nil, "GlueSQL v0.17.0 - Added redb storage support"),
            ("Migrating off legacy Tokio - Okta", "Okta", "Migrating off legacy Tokio"),
            ("Home | A Site", nil, "Home | A Site"),
            ("Rust", nil, "Rust"),
            (
                "Part one | a very long trailing part that is surely not a name", nil,
                "Part one | a very long trailing part that is surely not a name"
            ),
        ] as [(String, String?, String)])
    func siteNames(title: String, siteName: String?, expected: String) {
        #expect(PageTitle.removingSiteName(from: title, siteName: siteName) == expected)
    }

    @Test("video and podcast hosts are recognised, subdomains included")
    func mediaHosts() {
        #expect(MediaHosts.suggestedPrefix(forHost: "www.youtube.com") == "video")
        #expect(MediaHosts.suggestedPrefix(forHost: "youtu.be") == "video")
        #expect(MediaHosts.suggestedPrefix(forHost: "podcasts.apple.com") == "audio")
        #expect(MediaHosts.suggestedPrefix(forHost: "rustacean-station.org") == "audio")
        #expect(MediaHosts.suggestedPrefix(forHost: "blog.rust-lang.org") == nil)
        #expect(MediaHosts.suggestedPrefix(forHost: "notyoutube.com") == nil)
    }
}
