import Testing

@testable import HeraldMarkdown

/// Text a document holds as it is written is read from the source the document keeps, not copied
/// into the tree's own text; what the parse makes (a decoded character, a paragraph's lines
/// joined) is copied. Either way every node reads what it always did.
@Suite struct SourceSpanTests {
    @Test("one-line items read their words, code, HTML and addresses from the source")
    func oneLineItemsAreNotCopied() {
        let markdown = (0..<200).map {
            "- **[Title \($0) of `code`](https://example.org/\($0))** by <b>someone</b> at https://x.example/\($0)"
        }.joined(separator: "\n")
        let document = MarkdownDocument(parsing: markdown, options: .gfm)
        #expect(document.tree.text.isEmpty)
        let links = document.root.descendants.filter { $0.kind == .link }
        #expect(links.count == 400)
        #expect(links[14].destination == "https://example.org/7")
        #expect(links[14].plainText == "Title 7 of code")
        #expect(links[15].destination == "https://x.example/7")
        #expect(
            HTMLRenderer().render(document).contains(
                #"<li><strong><a href="https://example.org/7">Title 7 of <code>code</code></a></strong> by "#
                    + #"<b>someone</b> at <a href="https://x.example/7">https://x.example/7</a></li>"#))
    }

    /// As cmark-gfm renders it.
    @Test("delimiter runs cut short by emphasis keep their leftover characters")
    func leftoverDelimitersReadTheirPart() {
        let document = MarkdownDocument(parsing: "***a** b* **c*** ~~~d~~ `` e `` _f__\n", options: .gfm)
        #expect(document.tree.text.isEmpty)
        #expect(
            HTMLRenderer().render(document)
                == "<p><em><strong>a</strong> b</em> <strong>c</strong>* ~~~d~~ <code>e</code> <em>f</em>_</p>\n")
    }

    @Test("decoded characters and joined lines are copied, and read the same")
    func madeTextIsCopied() {
        let document = MarkdownDocument(parsing: "a &amp; b \\* c\nsecond [x](/a&amp;b \"t\\\"\") line\n")
        #expect(!document.tree.text.isEmpty)
        #expect(
            HTMLRenderer().render(document)
                == "<p>a &amp; b * c\nsecond <a href=\"/a&amp;b\" title=\"t&quot;\">x</a> line</p>\n")
    }

    @Test(
        "the source outlives the string it was parsed from, short or long",
        arguments: ["*a*", String(repeating: "*word* ", count: 40)])
    func sourceOutlivesItsString(text: String) {
        // A string made here and gone once the document is made.
        let document = MarkdownDocument(parsing: String(decoding: Array(text.utf8), as: UTF8.self))
        let words = document.root.descendants.filter { $0.kind == .text }.map(\.literal)
        #expect(words.first == (text.hasPrefix("*a*") ? "a" : "word"))
        #expect(HTMLRenderer().render(document).hasPrefix(text.hasPrefix("*a*") ? "<p><em>a</em>" : "<p><em>word</em>"))
    }

    @Test("a source with a NUL is read from its repaired copy")
    func repairedSourceIsKept() {
        for document in [
            MarkdownDocument(parsing: "a\u{0}b [x\u{0}](/y\u{0})"),
            MarkdownDocument(parsing: Array("a\u{0}b [x\u{0}](/y\u{0})".utf8)),
        ] {
            #expect(document.tree.text.isEmpty)
            #expect(HTMLRenderer().render(document) == "<p>a\u{FFFD}b <a href=\"/y%EF%BF%BD\">x\u{FFFD}</a></p>\n")
        }
    }
}
