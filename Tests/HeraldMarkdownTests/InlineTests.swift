import Testing

@testable import HeraldMarkdown

/// The inline phase: what each construct becomes in the tree (payloads, shapes, ranges) and the
/// edge cases of CommonMark 0.31.2 and of cmark-gfm's extensions that the spec examples leave
/// open. Every expected HTML string is what `cmark-gfm` 0.29.0.gfm.6 prints for the same input,
/// except where a comment says CommonMark 0.31.2 decides otherwise.
@Suite("Inline parsing")
struct InlineTests {
    // MARK: Text, escapes, references

    @Test("Adjacent text merges into one node, with escapes and references resolved")
    func textIsConsolidated() throws {
        let paragraph = try #require(parse(#"a \*b\* &amp; &#x41; &#0; c_d"#).firstChild)
        #expect(paragraph.children.map(\.kind) == [.text])
        #expect(paragraph.firstChild?.literal == "a *b* & A \u{FFFD} c_d")
        #expect(paragraph.firstChild?.range == range(1, 1, 1, 29))
    }

    @Test(
        "Character references",
        arguments: [
            ("&copy; &CounterClockwiseContourIntegral; &ngE;", "© ∳ ≧̸"),
            ("&#35; &#x22; &#X22; &#1234567;", "# \" \" \u{FFFD}"),
            ("&#xD800; &#x110000; &#12345678; &#;", "\u{FFFD} \u{FFFD} &#12345678; &#;"),
            ("&copy &nosuch; &amp", "&copy &nosuch; &amp"),
        ]
    )
    func characterReferences(markdown: String, text: String) throws {
        #expect(try #require(parse(markdown).firstChild?.firstChild).literal == text)
    }

    @Test("The entity table has every HTML5 name that ends in a semicolon, in byte order")
    func entityTable() {
        #expect(HTMLEntities.namedCount == 2125)
        #expect(HTMLEntities.value(named: Array("amp".utf8)) == Array("&".utf8))
        #expect(HTMLEntities.value(named: Array("AElig".utf8)) == Array("Æ".utf8))
        #expect(HTMLEntities.value(named: Array("zwnj".utf8)) == [0xE2, 0x80, 0x8C])
        #expect(HTMLEntities.value(named: Array("nvlt".utf8)) == Array("<\u{20D2}".utf8))
        #expect(HTMLEntities.value(named: Array("Amp".utf8)) == nil)
        #expect(HTMLEntities.value(named: Array("ampx".utf8)) == nil)
    }

    @Test("Soft and hard line breaks; spaces around a line ending are dropped")
    func lineBreaks() throws {
        let paragraph = try #require(parse("a  \nb\\\nc \n  d").firstChild)
        #expect(paragraph.children.map(\.kind) == [.text, .lineBreak, .text, .lineBreak, .text, .softBreak, .text])
        #expect(paragraph.children.filter { $0.kind == .text }.map(\.literal) == ["a", "b", "c", "d"])
        #expect(html("foo\\") == "<p>foo\\</p>\n")
    }

    // MARK: Code spans

    @Test(
        "Code spans",
        arguments: [
            ("`a`", "<p><code>a</code></p>\n"),
            ("`` a`b ``", "<p><code>a`b</code></p>\n"),
            ("` `` `", "<p><code>``</code></p>\n"),
            ("`  `", "<p><code>  </code></p>\n"),
            ("`a\nb`", "<p><code>a b</code></p>\n"),
            ("```a``", "<p>```a``</p>\n"),
            ("`a\\`b`", "<p><code>a\\</code>b`</p>\n"),
            ("*a `*` b*", "<p><em>a <code>*</code> b</em></p>\n"),
        ]
    )
    func codeSpans(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test("A code span's literal is its content after stripping; its range includes the backticks")
    func codeSpanNode() throws {
        let code = try #require(parse("x `` `a` `` y").firstChild?.children.first { $0.kind == .code })
        #expect(code.literal == "`a`")
        #expect(code.range == range(1, 3, 1, 11))
    }

    // MARK: Emphasis

    @Test(
        "Emphasis, strong emphasis and the delimiter rules",
        arguments: [
            ("*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>\n"),
            ("***a***", "<p><em><strong>a</strong></em></p>\n"),
            ("*a**b*", "<p><em>a**b</em></p>\n"),
            ("a**b**c", "<p>a<strong>b</strong>c</p>\n"),
            ("a__b__c", "<p>a__b__c</p>\n"),
            ("*a *b c*", "<p>*a <em>b c</em></p>\n"),
            ("**a*", "<p>*<em>a</em></p>\n"),
            ("foo*bar**baz*", "<p>foo<em>bar**baz</em></p>\n"),
            ("*(*a*)*", "<p><em>(<em>a</em>)</em></p>\n"),
            ("_é_ x_é_", "<p><em>é</em> x_é_</p>\n"),
            // Unicode punctuation and symbols (CommonMark 0.31.2) flank like ASCII punctuation.
            ("a*«b»*", "<p>a*«b»*</p>\n"),
            ("«*b*»", "<p>«<em>b</em>»</p>\n"),
            ("*€*a", "<p>*€*a</p>\n"),  // cmark-gfm, by the older rule: <em>€</em>a
        ]
    )
    func emphasis(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test("Emphasis nodes span their delimiters; the delimiters left over stay text")
    func emphasisRanges() throws {
        let paragraph = try #require(parse("***a** b*").firstChild)
        let emphasis = try #require(paragraph.firstChild)
        #expect(emphasis.kind == .emphasis)
        #expect(emphasis.range == range(1, 1, 1, 9))
        let strong = try #require(emphasis.firstChild)
        #expect(strong.kind == .strong)
        #expect(strong.range == range(1, 2, 1, 6))
    }

    // MARK: Links and images

    @Test("An inline link's destination and title are unescaped and decoded, not percent-encoded")
    func inlineLinkPayload() throws {
        let link = try #require(parse(#"[a *b*](<my url>)"#).firstChild?.firstChild)
        #expect(link.kind == .link)
        #expect(link.destination == "my url")
        #expect(link.title == "")
        #expect(link.children.map(\.kind) == [.text, .emphasis])
        let other = try #require(parse(#"[a](/p?q=\(x\)&amp;y "t &quot;\"")"#).firstChild?.firstChild)
        #expect(other.destination == "/p?q=(x)&y")
        #expect(other.title == "t \"\"")
    }

    @Test(
        "Links and images",
        arguments: [
            ("[a](/u(x)(y))", #"<p><a href="/u(x)(y)">a</a></p>"# + "\n"),
            ("[a](</my url>)", #"<p><a href="/my%20url">a</a></p>"# + "\n"),
            ("[a](/u 'title')", #"<p><a href="/u" title="title">a</a></p>"# + "\n"),
            ("[a]( /u\n(t) )", #"<p><a href="/u" title="t">a</a></p>"# + "\n"),
            ("[a](/u\"t\")", #"<p><a href="/u%22t%22">a</a></p>"# + "\n"),
            ("[a](/u \"t\"x)", "<p>[a](/u &quot;t&quot;x)</p>\n"),
            ("[a [b](/1)](/2)", #"<p>[a <a href="/1">b</a>](/2)</p>"# + "\n"),
            ("![a [b](/1)](/2)", #"<p><img src="/2" alt="a b" /></p>"# + "\n"),
            ("[![a](/1)](/2)", #"<p><a href="/2"><img src="/1" alt="a" /></a></p>"# + "\n"),
            ("*[a*](/u)", #"<p>*<a href="/u">a*</a></p>"# + "\n"),
            ("[a`]`](/u)", #"<p><a href="/u">a<code>]</code></a></p>"# + "\n"),
            ("[a](<b)c>)", #"<p><a href="b)c">a</a></p>"# + "\n"),
            ("[a]()", #"<p><a href="">a</a></p>"# + "\n"),
        ]
    )
    func links(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test("Thirty-two levels of parentheses in a destination, and no more (as cmark)")
    func destinationParenthesesLimit() {
        let deep = String(repeating: "(", count: 32) + String(repeating: ")", count: 32)
        #expect(html("[a](\(deep))") == "<p><a href=\"\(deep)\">a</a></p>\n")
        let deeper = "(" + deep + ")"
        #expect(html("[a](\(deeper))") == "<p>[a](\(deeper))</p>\n")
    }

    @Test(
        "Reference links: full, collapsed, shortcut, and what takes precedence",
        arguments: [
            ("[x][ref]", #"<p><a href="/r" title="T">x</a></p>"# + "\n"),
            ("[ref][]", #"<p><a href="/r" title="T">ref</a></p>"# + "\n"),
            ("[Ref]", #"<p><a href="/r" title="T">Ref</a></p>"# + "\n"),
            ("[ref] []", #"<p><a href="/r" title="T">ref</a> []</p>"# + "\n"),
            ("[x][nope]", "<p>[x][nope]</p>\n"),
            ("[ref](/inline)", #"<p><a href="/inline">ref</a></p>"# + "\n"),
            ("[ref](not a link)", #"<p><a href="/r" title="T">ref</a>(not a link)</p>"# + "\n"),
            ("[x][ref][ref]", #"<p><a href="/r" title="T">x</a><a href="/r" title="T">ref</a></p>"# + "\n"),
            ("[  REF\n ]", "<p><a href=\"/r\" title=\"T\">  REF\n</a></p>\n"),
        ]
    )
    func referenceLinks(markdown: String, expected: String) {
        #expect(html(markdown + "\n\n[ref]: /r \"T\"\n") == expected)
    }

    @Test("Labels match after Unicode case folding and whitespace collapsing")
    func labelNormalisation() {
        #expect(LinkReferenceMap.normalize(Array("  Foo \n\t BAR ".utf8)) == Array("foo bar".utf8))
        #expect(LinkReferenceMap.normalize(Array("ẞ".utf8)) == LinkReferenceMap.normalize(Array("SS".utf8)))
        #expect(LinkReferenceMap.normalize(Array("ΑΓΩ".utf8)) == Array("αγω".utf8))
        #expect(html("[ẞ]\n\n[SS]: /s\n") == "<p><a href=\"/s\">ẞ</a></p>\n")
    }

    @Test("Reference definitions: titles over lines, the first definition wins, bad titles")
    func referenceDefinitions() {
        var map = LinkReferenceMap()
        let text = Array("[a]: /1 'x\ny'\n[A]: /2\n[b]:\n<>\n[c]: /3 \"t\" x\nrest".utf8)
        let consumed = text.withUnsafeBufferPointer { map.consumeDefinitions(atStartOf: $0) }
        #expect(consumed == text.count - "[c]: /3 \"t\" x\nrest".utf8.count)
        #expect(map.reference(for: Array("a".utf8))?.destination == Array("/1".utf8))
        #expect(map.reference(for: Array("a".utf8))?.title == Array("x\ny".utf8))
        #expect(map.reference(for: Array("b".utf8))?.destination == [])
        #expect(map.reference(for: Array("c".utf8)) == nil)

        var titled = LinkReferenceMap()
        let dropped = Array("[d]: /4\n\"title\" ok".utf8)
        #expect(dropped.withUnsafeBufferPointer { titled.consumeDefinitions(atStartOf: $0) } == "[d]: /4\n".utf8.count)
        #expect(titled.reference(for: Array("d".utf8))?.title == [])
    }

    // MARK: Autolinks and raw HTML

    @Test(
        "Autolinks and raw HTML",
        arguments: [
            ("<http://a.b/c?d=e&amp;f>", #"<p><a href="http://a.b/c?d=e&amp;f">http://a.b/c?d=e&amp;f</a></p>"# + "\n"),
            ("<a+b.c:d>", #"<p><a href="a+b.c:d">a+b.c:d</a></p>"# + "\n"),
            ("<foo@bar.example.com>", #"<p><a href="mailto:foo@bar.example.com">foo@bar.example.com</a></p>"# + "\n"),
            ("<a:b c>", "<p>&lt;a:b c&gt;</p>\n"),
            ("<x:y>", "<p>&lt;x:y&gt;</p>\n"),
            // CommonMark 0.31.2 made `<!-->` and `<!--->` comments; cmark-gfm 0.29 shows them as text.
            ("a <!--> b <!---> c", "<p>a <!--> b <!---> c</p>\n"),
            ("a <!-- b -- c --> d", "<p>a <!-- b -- c --> d</p>\n"),
            ("x <?php x ?> <!DOCTYPE y> <![CDATA[ <z> ]]>", "<p>x <?php x ?> <!DOCTYPE y> <![CDATA[ <z> ]]></p>\n"),
            ("<a b='c' d=e\nf/> </g >", "<p><a b='c' d=e\nf/> </g ></p>\n"),
            ("<a b=c=d> <a  b\"> <1a>", "<p>&lt;a b=c=d&gt; &lt;a  b&quot;&gt; &lt;1a&gt;</p>\n"),
        ]
    )
    func autolinksAndHTML(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test("An autolink is a link node with one text child")
    func autolinkNode() throws {
        let link = try #require(parse("<me@example.com>").firstChild?.firstChild)
        #expect(link.kind == .link)
        #expect(link.destination == "mailto:me@example.com")
        #expect(link.children.map(\.literal) == ["me@example.com"])
        #expect(link.range == range(1, 1, 1, 16))
    }

    // MARK: GFM strikethrough

    @Test(
        "Strikethrough follows cmark-gfm",
        arguments: [
            ("~a~ ~~b~~", "<p><del>a</del> <del>b</del></p>\n"),
            ("x ~~~a~~~", "<p>x ~~~a~~~</p>\n"),
            ("~a~~", "<p>~a~~</p>\n"),
            ("~a~~ b~", "<p><del>a~~ b</del></p>\n"),
            ("~~a~b~~", "<p><del>a~b</del></p>\n"),
            ("~[x]~~b~", "<p>~[x]~~b~</p>\n"),
            ("a ~ b~", "<p>a ~ b~</p>\n"),
            ("~~*a*~~", "<p><del><em>a</em></del></p>\n"),
            // With strikethrough on, cmark-gfm looks through tildes to decide how `*` flanks.
            ("*a ~*", "<p>*a ~*</p>\n"),
        ]
    )
    func strikethrough(markdown: String, expected: String) {
        #expect(html(markdown, options: .gfm) == expected)
    }

    @Test("Without the extension a tilde is text")
    func strikethroughOff() {
        #expect(html("~~a~~") == "<p>~~a~~</p>\n")
        #expect(html("*a ~*") == "<p><em>a ~</em></p>\n")
    }

    // MARK: GFM extended autolinks

    @Test(
        "Extended autolinks follow cmark-gfm",
        arguments: [
            ("www.a.b/c?d=e&f=g.", #"<p><a href="http://www.a.b/c?d=e&amp;f=g">www.a.b/c?d=e&amp;f=g</a>.</p>"# + "\n"),
            ("(www.a.b/(c))) x", #"<p>(<a href="http://www.a.b/(c)">www.a.b/(c)</a>)) x</p>"# + "\n"),
            ("www.a.b/c&amp;", #"<p><a href="http://www.a.b/c">www.a.b/c</a>&amp;</p>"# + "\n"),
            ("www.a.b<c", #"<p><a href="http://www.a.b">www.a.b</a>&lt;c</p>"# + "\n"),
            // The last byte of the text is never looked at by the domain check, hence `www.a`.
            ("xwww.a.b www.a_b.c www.a", #"<p>xwww.a.b www.a_b.c <a href="http://www.a">www.a</a></p>"# + "\n"),
            ("_www.a.b_", #"<p><em><a href="http://www.a.b">www.a.b</a></em></p>"# + "\n"),
            (
                "Visit HTTPS://x.y/z, or ftp://f.",
                #"<p>Visit <a href="HTTPS://x.y/z">HTTPS://x.y/z</a>, or <a href="ftp://f">ftp://f</a>.</p>"# + "\n"
            ),
            ("xhttp://a.b http://-a.b mailto://a.b", "<p>xhttp://a.b http://-a.b mailto://a.b</p>\n"),
            ("**see http://a.b**", #"<p><strong>see <a href="http://a.b">http://a.b</a></strong></p>"# + "\n"),
            (
                "a.b-c_d@e.fg. x+y@z.c_ _u@v.w_",
                #"<p><a href="mailto:a.b-c_d@e.fg">a.b-c_d@e.fg</a>. x+y@z.c_ <em><a href="mailto:u@v.w">u@v.w</a></em></p>"#
                    + "\n"
            ),
            ("a@b@c.d a\\@b.c", #"<p>a@<a href="mailto:b@c.d">b@c.d</a> <a href="mailto:a@b.c">a@b.c</a></p>"# + "\n"),
            (
                "[www.a.b x@y.z](/u) ![http://i.j](/i)",
                #"<p><a href="/u">www.a.b x@y.z</a> <img src="/i" alt="http://i.j" /></p>"# + "\n"
            ),
            ("[www.a.b", "<p>[www.a.b</p>\n"),
            ("![a http://x.y", "<p>![a http://x.y</p>\n"),
            // cmark-gfm's quirk: a link closing inside an open `![` lets autolinks through again.
            ("![a [b](c) http://x.y", #"<p>![a <a href="c">b</a> <a href="http://x.y">http://x.y</a></p>"# + "\n"),
            ("[x ![a [b](c) http://x.y", #"<p>[x ![a <a href="c">b</a> http://x.y</p>"# + "\n"),
            ("<www.a.b> `www.a.b`", "<p>&lt;www.a.b&gt; <code>www.a.b</code></p>\n"),
            ("http://🍄.ga/", #"<p><a href="http://%F0%9F%8D%84.ga/">http://🍄.ga/</a></p>"# + "\n"),
        ]
    )
    func extendedAutolinks(markdown: String, expected: String) {
        #expect(html(markdown, options: .gfm) == expected)
    }

    @Test("An extended autolink is a link whose text is the address as written")
    func extendedAutolinkNodes() throws {
        let paragraph = try #require(parse("go www.x.yz now; mail a@b.cd", options: .gfm).firstChild)
        let links = paragraph.children.filter { $0.kind == .link }
        #expect(links.map(\.destination) == ["http://www.x.yz", "mailto:a@b.cd"])
        #expect(links.map(\.plainText) == ["www.x.yz", "a@b.cd"])
        #expect(links.map(\.range) == [range(1, 4, 1, 11), range(1, 23, 1, 28)])
        #expect(paragraph.children.map(\.kind) == [.text, .link, .text, .link])
    }

    // MARK: GFM footnote references

    @Test("A footnote reference needs a definition, matched like a link label")
    func footnoteReferences() throws {
        let markdown = "a[^Note] b[^nope] c[^x](/u) d![^note]\n\n[^note]: text\n"
        let paragraph = try #require(parse(markdown, options: .gfm).firstChild)
        let references = paragraph.children.filter { $0.kind == .footnoteReference }
        #expect(references.count == 2)
        #expect(references.last?.footnoteLabel == "note")
        #expect(references.map(\.range) == [range(1, 2, 1, 8), range(1, 31, 1, 37)])
        #expect(paragraph.children.filter { $0.kind == .link }.map(\.destination) == ["/u"])
        #expect(paragraph.children.first { $0.kind == .text }?.literal == "a")
    }

    @Test(
        "Footnote syntax without a definition is literal text, as cmark-gfm renders it",
        arguments: [
            ("[^nope]", "<p>[^nope]</p>\n"),
            ("[^a *b* `c`]", "<p>[^a *b* `c`]</p>\n"),
            ("[^]", "<p>[^]</p>\n"),
            ("[^a](/u)", #"<p><a href="/u">^a</a></p>"# + "\n"),
        ]
    )
    func undefinedFootnotes(markdown: String, expected: String) {
        #expect(html(markdown, options: .gfm) == expected)
    }

    @Test("Without the extension `[^x]` is ordinary bracket syntax")
    func footnotesOff() {
        #expect(html("[^a *b*]") == "<p>[^a <em>b</em>]</p>\n")
        // cmark-gfm never opens an image at `![^`, extension or not; CommonMark does.
        #expect(html("![^a](/i)") == "<p><img src=\"/i\" alt=\"^a\" /></p>\n")
    }

    // MARK: Linear time

    @Test(
        "Shapes that would make a naive inline parser quadratic",
        arguments: [
            "<!--", "<?", "<![CDATA[", "<!A", "<a b=\"", "www.a_", "(www.x", "a@", "http://a_", "[^", "~a ",
            "`a", "[a][b", "![", "a**", "*a_~", "*[a](b)", "~~a~", "a~~b~ ",
        ]
    )
    func linearShapes(pattern: String) {
        let markdown = String(repeating: pattern, count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = html(markdown, options: .gfm) }
        // Generous: a quadratic parser takes minutes here; a debug build of this one, well under a second.
        #expect(elapsed < .seconds(10))
    }

    @Test("Links closing above thousands of open image brackets")
    func linksAboveImageBrackets() {
        let n = 20_000
        let markdown = String(repeating: "![", count: n) + String(repeating: "[a](b)", count: n)
        let expected =
            "<p>" + String(repeating: "![", count: n) + String(repeating: #"<a href="b">a</a>"#, count: n) + "</p>\n"
        let clock = ContinuousClock()
        var rendered = ""
        let elapsed = clock.measure { rendered = html(markdown) }
        #expect(rendered == expected)
        #expect(elapsed < .seconds(10))
    }

    @Test("Footnote syntax nested 20,000 deep stays literal text")
    func nestedFootnoteSyntax() {
        let markdown = String(repeating: "[^", count: 20_000) + "a" + String(repeating: "]", count: 20_000)
        #expect(html(markdown, options: .gfm) == "<p>" + markdown + "</p>\n")
    }
}

// MARK: - Helpers

private func parse(_ markdown: String, options: ParseOptions = .commonMark) -> MarkdownNode {
    MarkdownDocument(parsing: markdown, options: options).root
}

private func html(_ markdown: String, options: ParseOptions = .commonMark) -> String {
    HTMLRenderer(options: HTMLRenderOptions(headingIDs: false)).render(
        MarkdownDocument(parsing: markdown, options: options))
}

private func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(
        start: SourceLocation(line: startLine, column: startColumn),
        end: SourceLocation(line: endLine, column: endColumn))
}
