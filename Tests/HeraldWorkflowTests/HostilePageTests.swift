import HeraldWorkflow
import Testing

/// Pages written to hurt: control and bidi characters, legacy charsets, a title without end.
@Suite("Reading hostile and legacy pages")
struct HostilePageTests {
    @Test("escape sequences, NUL, C1 and bidi overrides are removed from a page's titles")
    func controlCharacters() {
        let html =
            "<title>Safe\u{1B}[31m red\u{0} \u{202E}txt.exe\u{9B} done&#1;</title>"
            + "<meta property=og:title content=\"Shared\u{2066} title\u{7}\">"
        let metadata = PageMetadata(html: Array(html.utf8))
        #expect(metadata.documentTitle == "Safe[31m red txt.exe done")
        #expect(metadata.openGraphTitle == "Shared title")
    }

    @Test("an ISO-8859-1 page declared in Content-Type is decoded as such")
    func latin1FromHeader() {
        let bytes = Array("<title>Caf".utf8) + [0xE9] + Array(" Z".utf8) + [0xFC] + Array("rich</title>".utf8)
        let metadata = PageMetadata(html: bytes, contentType: "text/html; charset=ISO-8859-1")
        #expect(metadata.documentTitle == "Café Zürich")
    }

    @Test("a windows-1252 page declared in <meta charset> is decoded, curly quotes included")
    func windows1252FromMeta() {
        let bytes =
            Array("<meta charset=\"windows-1252\"><title>".utf8) + [0x93] + Array("Caf".utf8) + [0xE9, 0x94]
            + Array(" Z".utf8) + [0xFC] + Array("rich</title>".utf8)
        #expect(PageMetadata(html: bytes).documentTitle == "“Café” Zürich")
        let equiv =
            Array("<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'><title>".utf8)
            + [0xE9] + Array("t".utf8) + [0xE9] + Array("</title>".utf8)
        #expect(PageMetadata(html: equiv).documentTitle == "été")
    }

    @Test("the Content-Type header wins over the page's own declaration")
    func headerWins() {
        let bytes = Array("<meta charset=iso-8859-1><title>Café</title>".utf8)
        #expect(PageMetadata(html: bytes, contentType: "text/html; charset=utf-8").documentTitle == "Café")
    }

    @Test("a 3 MB unclosed <title> gives a short title ending in an ellipsis at a word boundary")
    func unclosedHugeTitle() {
        let words = String(repeating: "word ", count: 600_000)
        let metadata = PageMetadata(html: Array("<html><head><title>\(words)".utf8))
        let title = metadata.title ?? ""
        #expect(title.count <= PageTitle.maximumLength)
        #expect(title.hasSuffix("word…"))
        #expect((metadata.documentTitle?.utf8.count ?? 0) <= 4096)
    }

    @Test("a long closed title is cut at a word boundary")
    func longTitle() {
        let title = PageTitle.shortened(String(repeating: "abcdefghi ", count: 40))
        #expect(title.count <= PageTitle.maximumLength)
        #expect(title.hasSuffix("abcdefghi…"))
        #expect(PageTitle.shortened("Short title") == "Short title")
    }
}
