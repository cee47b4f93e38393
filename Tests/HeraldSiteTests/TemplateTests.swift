import HeraldCore
import Testing

@testable import HeraldSite

/// Herald's Mustache engine against the specification's rules (interpolation, sections,
/// inverted sections, comments, partials, delimiters, standalone lines) and the functions
/// themes use, with its errors' places.
struct TemplateTests {
    private func render(_ template: String, _ values: [String: Any], partials: [String: String] = [:]) throws -> String
    {
        var library = TemplateLibrary()
        try library.register(template, named: "page")
        for (name, text) in partials { try library.register(text, named: name) }
        return try #require(library.render(values, withTemplate: "page")).text
    }

    private func syntaxError(_ template: String) -> TemplateSyntaxError? {
        var library = TemplateLibrary()
        return #expect(throws: TemplateSyntaxError.self) { try library.register(template, named: "page") }
    }

    @Test("a large value stays a piece of its own, inside a page and inside the layout around it")
    func largeValuesStayPieces() throws {
        var library = TemplateLibrary()
        try library.register("<main>{{{body}}}</main>{{#notes}}<p>{{.}}</p>{{/notes}}", named: "page")
        try library.register("<html>\n  {{> head}}\n{{{content}}}|{{content.count}}|</html>", named: "layout")
        try library.register("<title>{{title}}</title>\n", named: "head")
        let body = String(repeating: "<p>entry &amp; more</p>\n", count: 4_000)
        let page = try #require(library.render(["body": body, "notes": ["a", "b"]], withTemplate: "page"))
        #expect(page.allPieces == [.text("<main>"), .text(body), .text("</main><p>a</p><p>b</p>")])
        let whole = try #require(library.render(["content": page, "title": "T"], withTemplate: "layout"))
        #expect(
            whole.allPieces == [
                .text("<html>\n  <title>T</title>\n<main>"), .text(body), .text("</main><p>a</p><p>b</p>||</html>"),
            ])
        #expect(whole.text == "<html>\n  <title>T</title>\n<main>" + body + "</main><p>a</p><p>b</p>||</html>")
        // Escaped, a rendering is its text escaped, as a string would be.
        try library.register("{{content}}", named: "escaped")
        let escaped = try #require(library.render(["content": page], withTemplate: "escaped"))
        #expect(escaped.text == MarkupEscaping.escape(page.text))
        // Small values join the text around them.
        let small = try #require(library.render(["body": "short", "notes": [String]()], withTemplate: "page"))
        #expect(small.allPieces == [.text("<main>short</main>")])
    }

    /// A body escaped as a feed is written comes out as it would escaped whole: windows end
    /// between characters, whatever their length, and XML still leaves out what it forbids;
    /// short or long, it is escaped from its bytes as it is written.
    @Test(arguments: [RenderedText.Escaping.xml, .jsonString])
    func anEscapedPieceIsWrittenAsItsTextEscapedWhole(escaping: RenderedText.Escaping) throws {
        let unit = "<p class=\"a\">crème & \"brûlée\" 🦀\u{1}\u{FFFE}\u{85}\n\t\\</p>"
        let text = String(repeating: unit, count: 5_000)
        let rendered = RenderedText(escaping: SplicedText(text), as: escaping)
        let whole = escaping == .xml ? MarkupEscaping.xml(text) : JSONWriter.literal(text)
        #expect(rendered.text == whole)
        #expect(try rendered.writtenToFile() == whole)
        let short = RenderedText(escaping: SplicedText(unit), as: escaping)
        #expect(short.allPieces == [.escaped(SplicedText(unit), escaping)])
        let shortWhole = escaping == .xml ? MarkupEscaping.xml(unit) : JSONWriter.literal(unit)
        #expect(short.text == shortWhole)
        #expect(try short.writtenToFile() == shortWhole)
    }

    /// A spliced body (a feed's: its page's body with values rewritten) is escaped as it is
    /// written, from the page body's runs and the new values, as its whole text would be.
    @Test(arguments: [RenderedText.Escaping.xml, .jsonString])
    func aSplicedPieceIsWrittenAsItsSplicedTextEscapedWhole(escaping: RenderedText.Escaping) throws {
        let unit = "<a href=\"x\">crème & 🦀\u{1}</a>\n"
        let text = String(repeating: unit, count: 9_000)
        var splice = ByteSplice()
        let unitLength = unit.utf8.count
        for index in stride(from: 0, to: 9_000, by: 3) {
            // Every third link's address rewritten, the rest of the unit kept.
            let start = index * unitLength
            splice.keep(start..<start + 9)
            splice.insert("https://example.org/<\(index)>")
            splice.keep(start + 10..<start + 3 * unitLength)
        }
        let spliced = SplicedText(text, splice: splice)
        #expect(spliced.string.hasPrefix("<a href=\"https://example.org/<0>\">crème"))
        let rendered = RenderedText(escaping: spliced, as: escaping)
        let whole = escaping == .xml ? MarkupEscaping.xml(spliced.string) : JSONWriter.literal(spliced.string)
        #expect(rendered.text == whole)
        #expect(try rendered.writtenToFile() == whole)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let values: [String: Any] = ["text": "<b> & \"q\" 'a'", "number": 42, "yes": true]
        #expect(
            try render("{{text}}|{{{text}}}|{{& text }}|{{number}}|{{yes}}|{{missing}}", values)
                == "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;|<b> & \"q\" 'a'|<b> & \"q\" 'a'|42|true|")
    }

    @Test func dottedNamesResolveTheirFirstNameOutwardsAndTheRestStrictly() throws {
        let values: [String: Any] = [
            "site": ["title": "Weekly"], "issue": ["title": "One"],
            "list": [["name": "a"], ["name": "b", "site": ["title": "inner"]]],
        ]
        #expect(try render("{{site.title}} {{issue.title}} {{issue.site.title}}", values) == "Weekly One ")
        #expect(try render("{{#list}}{{name}}:{{site.title}} {{/list}}", values) == "a:Weekly b:inner ")
    }

    @Test func sectionsShowForTrueValuesAndOncePerItem() throws {
        let values: [String: Any] = [
            "yes": true, "no": false, "empty": [String](), "names": ["x", "y"], "text": "",
            "person": ["name": "Ana"],
        ]
        let template =
            "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#names}}<{{.}}>{{/names}}"
            + "{{#text}}T{{/text}}{{#person}}{{name}}{{/person}}{{#missing}}M{{/missing}}"
        #expect(try render(template, values) == "Y<x><y>TAna")
        let inverted =
            "{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^names}}L{{/names}}{{^missing}}M{{/missing}}"
        #expect(try render(inverted, values) == "NEM")
    }

    @Test func anOptionalStoredInAValueIsItsValueOrAbsent() throws {
        let absent: String? = nil
        let present: String? = "here"
        let values: [String: Any] = ["absent": absent as Any, "present": present as Any]
        #expect(
            try render("[{{absent}}]{{^absent}}none{{/absent}} {{present}}{{#present}}!{{/present}}", values)
                == "[]none here!")
    }

    @Test func aTagAloneOnItsLineTakesTheLine() throws {
        let template =
            "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\r\n {{#items}}\r\n!\r\n{{/items}}"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\r\n!\r\n!\r\n")
        // Not alone: the line stays as it is.
        #expect(try render("a {{#yes}}\nb{{/yes}} c\n", ["yes": true]) == "a \nb c\n")
    }

    @Test func aStandalonePartialIndentsEachOfItsLinesButNotItsValues() throws {
        let partials = ["box": "|\n{{{content}}}\n|\n"]
        #expect(
            try render("\\\n  {{> box}}\n/\n", ["content": "<\n->"], partials: partials) == "\\\n  |\n  <\n->\n  |\n/\n"
        )
        #expect(try render("[{{>box}}]", ["content": "x"], partials: partials) == "[|\nx\n|\n]")
        #expect(try render("[{{> nowhere}}]", [:]) == "[]")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let output = try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"])
        #expect(output == String(repeating: "x", count: 64))
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "n"]) == "n {{name}} n")
    }

    @Test func functionsReadAnItemsPlaceAndTransformValues() throws {
        let values: [String: Any] = ["items": ["a", "b", "c"], "name": "rust lang", "count": 2]
        #expect(
            try render("{{#items}}{{index()}}{{.}}{{#first()}}^{{/first()}}{{^last()}},{{/last()}}{{/items}}", values)
                == "0a^,1b,2c")
        #expect(
            try render("{{uppercased(name)}} {{capitalized(name)}} {{count(items)}} {{last(items)}}", values)
                == "RUST LANG Rust Lang 3 c")
        #expect(
            try render("{{plusone(count)}} {{#even(count)}}even{{/even(count)}} {{reversed(first(items))}}", values)
                == "3 even a")
    }

    @Test func mistakesAreReportedAtTheirLineAndColumn() throws {
        let unclosed = try #require(syntaxError("line one\n  é {{#items}}\n"))
        #expect((unclosed.line, unclosed.column) == (2, 5))
        #expect(unclosed.message.contains("never closed"))
        let mismatched = try #require(syntaxError("{{#a}}\n{{/b}}"))
        #expect((mismatched.line, mismatched.column) == (2, 1))
        #expect(mismatched.fix.contains("match"))
        let stray = try #require(syntaxError("x {{/a}}"))
        #expect((stray.line, stray.column) == (1, 3))
        let unfinished = try #require(syntaxError("a\nb {{name"))
        #expect((unfinished.line, unfinished.column) == (2, 3))
        let unknown = try #require(syntaxError("{{shout(name)}}"))
        #expect(unknown.message.contains("'shout()'"))
        #expect(syntaxError("{{}}") != nil)
        #expect(syntaxError("{{a..b}}") != nil)
        #expect(syntaxError("{{=<% =}}") != nil)
        #expect(syntaxError("{{<parent}}{{/parent}}") != nil)
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        #expect(syntaxError(deep)?.message.contains("nested more than 100") == true)
        let fine = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        #expect(try render(fine, ["a": true]) == "x")
    }

    /// Broken templates of every shape (made from the characters tags are made of) either parse
    /// and render or are refused; none crashes, and every error has a place in the text.
    @Test func brokenTemplatesAreRefusedOrRendered() {
        let pieces = ["{{", "}}", "{", "}", "#", "^", "/", "!", ">", "&", "=", "%", "a", ".", "(", ")", " ", "\n", "é"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<3_000 {
            let text = (0..<(next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            var library = TemplateLibrary()
            do {
                try library.register(text, named: "page")
                try library.register("{{> page}}", named: "outer")
                _ = library.render(["a": [["a": true]], ".": "x"], withTemplate: "outer")
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "\(text.debugDescription)")
            }
        }
    }
}
