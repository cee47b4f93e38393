public import HeraldMarkdown
import Testing

/// Source ranges of blocks and inlines. Every expected range is what `cmark-gfm --sourcepos -t xml`
/// (0.29.0.gfm.6) prints for the same input. Inputs avoid the places where cmark-gfm's positions
/// are known to be off (blocks closed by a blank line end at column 0 of the next line; code spans
/// exclude their backticks; text on lazy continuation lines), so these pin behaviour that is right
/// by any reading.
@Suite("Source ranges")
struct SourceRangeTests {
    @Test("ATX headings start at their first `#` and end at the end of the line")
    func atxHeadings() throws {
        let root = parse("# Heading *one*\n  ## Two\n")
        let headings = root.nodes(ofKind: .heading)
        try #require(headings.count == 2)
        #expect(headings[0].range == "1:1-1:15")
        #expect(headings[1].range == "2:3-2:8")
        #expect(headings.map(\.headingLevel) == [1, 2])

        let emphasis = try #require(root.nodes(ofKind: .emphasis).first)
        #expect(emphasis.range == "1:11-1:15")
        #expect(emphasis.firstChild?.range == "1:12-1:14")
        #expect(headings[0].firstChild?.range == "1:3-1:10")
        #expect(headings[1].firstChild?.range == "2:6-2:8")
        #expect(root.range == "1:1-2:8")
    }

    @Test("A part of a larger text parses as that part alone would, with positions from its start")
    func substring() throws {
        let file = "Title: Ünïcode header\n\n# Café *ok*\n\n* [Link](https://example.org/é) \u{0}\n"
        let body = file[file.index(after: try #require(file.firstIndex(of: "\n")))...]
        let fromPart = MarkdownDocument(parsing: body, options: .gfm)
        let fromCopy = MarkdownDocument(parsing: String(body), options: .gfm)
        let renderer = HTMLRenderer()
        #expect(renderer.render(fromPart) == renderer.render(fromCopy))
        #expect(renderer.render(fromPart).contains("\u{FFFD}"))
        #expect(fromPart.root.nodes(ofKind: .heading).first?.range == "2:1-2:12")
        #expect(fromPart.root.nodes(ofKind: .link).first?.range == "4:3-4:32")
    }

    @Test("A part without NUL, read in its string's own storage, parses as its bytes do")
    func substringInPlace() throws {
        let file =
            "Title: Ünïcode header\n\n# Café *ok*\n\n* [Link](https://example.org/é)\n\n| a | b |\n| - | - |\n| ç | d |\n"
        let body = file[file.index(after: try #require(file.firstIndex(of: "\n")))...]
        let fromPart = MarkdownDocument(parsing: body, options: .gfm)
        let fromBytes = MarkdownDocument(parsing: Array(body.utf8), options: .gfm)
        let renderer = HTMLRenderer()
        #expect(renderer.render(fromPart) == renderer.render(fromBytes))
        #expect(renderer.render(fromPart).contains("<td>ç</td>"))
        #expect(fromPart.root.nodes(ofKind: .link).first?.range == "4:3-4:32", "columns count bytes")
        #expect(fromPart.root.nodes(ofKind: .table).first?.range == "6:1-8:10")
    }

    @Test("A setext heading spans its text and its underline")
    func setextHeading() throws {
        let heading = try #require(parse("Title\n===\n").nodes(ofKind: .heading).first)
        #expect(heading.range == "1:1-2:3")
        #expect(heading.firstChild?.range == "1:1-1:5")
    }

    @Test("A paragraph over three lines, with a link on the second")
    func multiLineParagraphWithLink() throws {
        let root = parse(
            """
            A paragraph that spans
            several lines with a [link](https://example.com "T")
            and more.

            """
        )
        let paragraph = try #require(root.nodes(ofKind: .paragraph).first)
        #expect(paragraph.range == "1:1-3:9")

        let texts = paragraph.children.filter { $0.kind == .text }
        #expect(texts.map(\.range) == ["1:1-1:22", "2:1-2:21", "3:1-3:9"])

        let link = try #require(root.nodes(ofKind: .link).first)
        #expect(link.range == "2:22-2:52")
        #expect(link.firstChild?.range == "2:23-2:26")
        #expect(link.destination == "https://example.com")
        #expect(link.title == "T")
    }

    @Test("Links, images, emphasis and strong within one line")
    func inlineSpans() throws {
        let root = parse(#"x [a](/u) and ![i](/p "t") *e* **s**"#)
        #expect(root.nodes(ofKind: .paragraph).first?.range == "1:1-1:36")
        #expect(root.nodes(ofKind: .link).map(\.range) == ["1:3-1:9"])
        #expect(root.nodes(ofKind: .image).map(\.range) == ["1:15-1:26"])
        #expect(root.nodes(ofKind: .emphasis).map(\.range) == ["1:28-1:30"])
        #expect(root.nodes(ofKind: .strong).map(\.range) == ["1:32-1:36"])
        #expect(root.nodes(ofKind: .image).first?.firstChild?.range == "1:17-1:17")
    }

    @Test("Reference links span their text and label")
    func referenceLinks() {
        let root = parse("[x]: /u\n\nsee [x] and [text][x]\n")
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["3:1-3:21"])
        #expect(root.nodes(ofKind: .link).map(\.range) == ["3:5-3:7", "3:13-3:21"])
        #expect(root.nodes(ofKind: .link).map(\.destination) == ["/u", "/u"])
    }

    @Test("Columns count UTF-8 bytes")
    func columnsAreBytes() {
        let root = parse("é [a](/u)\n")
        #expect(root.nodes(ofKind: .link).map(\.range) == ["1:4-1:10"])
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["1:1-1:10"])
    }

    @Test("A tight ordered list whose last item continues on a second line")
    func orderedList() throws {
        let root = parse("1. one\n2. two\n   more\n")
        let list = try #require(root.nodes(ofKind: .list).first)
        #expect(list.range == "1:1-3:7")
        #expect(list.children.map(\.range) == ["1:1-1:6", "2:1-3:7"])
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["1:4-1:6", "2:4-3:7"])
    }

    @Test("A list ended by a heading ends on its last item")
    func listEndedByHeading() {
        let root = parse("- a\n- b\n# H\n")
        #expect(root.children.map(\.kind) == [.list, .heading])
        #expect(root.children.map(\.range) == ["1:1-2:3", "3:1-3:3"])
        #expect(root.nodes(ofKind: .item).map(\.range) == ["1:1-1:3", "2:1-2:3"])
    }

    @Test("An item with two paragraphs spans the blank line between them")
    func looseList() {
        let root = parse("- a\n\n  b\n- c\n")
        #expect(root.nodes(ofKind: .list).map(\.range) == ["1:1-4:3"])
        #expect(root.nodes(ofKind: .item).map(\.range) == ["1:1-3:3", "4:1-4:3"])
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["1:3-1:3", "3:3-3:3", "4:3-4:3"])
    }

    @Test("A nested list starts at its own marker")
    func nestedList() {
        let root = parse("* one\n  * nested\n")
        #expect(root.nodes(ofKind: .list).map(\.range) == ["1:1-2:10", "2:3-2:10"])
        #expect(root.nodes(ofKind: .item).map(\.range) == ["1:1-2:10", "2:3-2:10"])
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["1:3-1:5", "2:5-2:10"])
    }

    @Test("A fenced code block spans both fences")
    func fencedCodeBlock() throws {
        let code = try #require(parse("```rust\nlet x = 1;\n```\n").nodes(ofKind: .codeBlock).first)
        #expect(code.range == "1:1-3:3")
        #expect(code.info == "rust")
        #expect(code.literal == "let x = 1;\n")
        #expect(code.isFenced)
    }

    @Test("An unclosed fence runs to the end of the document")
    func unclosedFence() throws {
        let code = try #require(parse("~~~ js\nx\n").nodes(ofKind: .codeBlock).first)
        #expect(code.range == "1:1-2:1")
        #expect(code.info == "js")
    }

    @Test("An indented code block starts after its indentation")
    func indentedCodeBlock() throws {
        let code = try #require(parse("    a\n    b\n").nodes(ofKind: .codeBlock).first)
        #expect(code.range == "1:5-2:5")
        #expect(code.literal == "a\nb\n")
        #expect(!code.isFenced)
    }

    @Test("A fenced code block inside a list item")
    func codeBlockInListItem() {
        let root = parse("- a\n  ```\n  b\n  ```\n- c\n")
        #expect(root.nodes(ofKind: .codeBlock).map(\.range) == ["2:3-4:5"])
        #expect(root.nodes(ofKind: .item).map(\.range) == ["1:1-4:5", "5:1-5:3"])
    }

    @Test("A block quote and its paragraph")
    func blockQuote() {
        let root = parse("> quote\n> more\n")
        #expect(root.nodes(ofKind: .blockQuote).map(\.range) == ["1:1-2:6"])
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["1:3-2:6"])
    }

    @Test("A thematic break after a paragraph")
    func thematicBreak() {
        let root = parse("a\n\n***\n")
        #expect(root.children.map(\.kind) == [.paragraph, .thematicBreak])
        #expect(root.children.map(\.range) == ["1:1-1:1", "3:1-3:3"])
        #expect(root.range == "1:1-3:3")
    }

    @Test("Table, rows and cells (GFM); cells include the spaces between their pipes")
    func table() throws {
        let root = parse("| a | b |\n| - | - |\n| c | d |\n", options: .gfm)
        let table = try #require(root.nodes(ofKind: .table).first)
        #expect(table.range == "1:1-3:9")
        #expect(root.nodes(ofKind: .tableRow).map(\.range) == ["1:1-1:9", "3:1-3:9"])
        #expect(root.nodes(ofKind: .tableRow).map(\.isHeaderRow) == [true, false])
        #expect(root.nodes(ofKind: .tableCell).map(\.range) == ["1:2-1:4", "1:6-1:8", "3:2-3:4", "3:6-3:8"])
    }

    @Test("Strikethrough and task list items (GFM)")
    func strikethroughAndTasks() {
        let root = parse("a ~~b~~\n\n- [x] done\n", options: .gfm)
        #expect(root.nodes(ofKind: .strikethrough).map(\.range) == ["1:3-1:7"])
        #expect(root.nodes(ofKind: .item).map(\.range) == ["3:1-3:10"])
        #expect(root.nodes(ofKind: .item).map(\.taskIsChecked) == [true])
        #expect(root.nodes(ofKind: .paragraph).map(\.range) == ["1:1-1:7", "3:7-3:10"])
    }
}

// MARK: - Helpers

private func parse(_ markdown: String, options: ParseOptions = .commonMark) -> MarkdownNode {
    MarkdownDocument(parsing: markdown, options: options).root
}

extension MarkdownNode {
    /// Every node of the given kind in this subtree, in document order.
    fileprivate func nodes(ofKind kind: Kind) -> [MarkdownNode] {
        descendants.filter { $0.kind == kind }
    }
}

/// Lets a test write a range the way `cmark --sourcepos` prints it: `"2:22-2:52"`.
extension SourceRange: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        let ends = text.split(separator: "-").map { end -> HeraldMarkdown.SourceLocation in
            let parts = end.split(separator: ":").compactMap { Int($0) }
            precondition(parts.count == 2, "a range reads line:column-line:column, not \(text)")
            return HeraldMarkdown.SourceLocation(line: parts[0], column: parts[1])
        }
        precondition(ends.count == 2, "a range reads line:column-line:column, not \(text)")
        self.init(start: ends[0], end: ends[1])
    }
}
