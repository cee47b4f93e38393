import HeraldMarkdown
import Testing

/// Cases the spec's own examples leave out but other engines' regression suites pin down; every expected
/// string is what cmark-gfm 0.29.0.gfm.6 prints for the same input.
@Suite("Beyond the spec examples")
struct BeyondSpecTests {
    private func html(_ markdown: String, options: ParseOptions = .commonMark) -> String {
        HTMLRenderer().render(MarkdownDocument(parsing: markdown, options: options))
    }

    @Test(
        "A closing raw-text tag alone on a line starts an HTML block (condition 7)",
        arguments: ["script", "pre", "style", "textarea", "SCRIPT"]
    )
    func closingRawTextTagStartsBlock(name: String) {
        #expect(html("</\(name)>\n\ntext\n") == "</\(name)>\n<p>text</p>\n")
    }

    @Test("A closing raw-text tag cannot interrupt a paragraph")
    func closingRawTextTagInParagraph() {
        #expect(html("text\n</script>\n") == "<p>text\n</script></p>\n")
    }

    @Test("With the tag filter, a closing script block is escaped once, not read as a paragraph")
    func closingScriptWithTagFilter() {
        #expect(html("</script>\n", options: .gfm) == "&lt;/script>\n")
    }

    @Test("A delimiter row holds pipes, colons, dashes and blanks (vertical tabs and form feeds too), and nothing else")
    func delimiterRows() {
        let table =
            "<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            + "<td align=\"center\">c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n"
        #expect(html("| a | b |\n|\u{0B}:-: |\u{0C}--- |\n| c | d |\n", options: .gfm) == table)
        #expect(html("| a | b |\n| :-: | --- |\n| c | d |\n", options: .gfm) == table)
        #expect(html("| a | b |\n| :-: | --- x |\n", options: .gfm) == "<p>| a | b |\n| :-: | --- x |</p>\n")
        #expect(html("a - b\nc - d\n", options: .gfm) == "<p>a - b\nc - d</p>\n")
    }

    @Test("A byte-order mark at the start is ignored, and columns count from after it")
    func byteOrderMark() throws {
        let document = MarkdownDocument(parsing: "\u{FEFF}# Hi\n")
        #expect(HTMLRenderer().render(document) == "<h1>Hi</h1>\n")
        let heading = try #require(document.root.firstChild)
        #expect(heading.range.start.line == 1)
        #expect(heading.range.start.column == 1)
    }

    @Test("A byte-order mark elsewhere is text")
    func byteOrderMarkInside() {
        #expect(html("a\n\u{FEFF}b\n") == "<p>a\n\u{FEFF}b</p>\n")
    }
}
